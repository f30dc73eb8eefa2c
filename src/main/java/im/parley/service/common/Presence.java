package im.parley.service.common;

/** A presence as shown to the user: availability and an optional status line. */
public record Presence(Availability availability, String status) {

    public static final Presence OFFLINE = new Presence(Availability.OFFLINE, "");
    public static final Presence ONLINE = new Presence(Availability.ONLINE, "");

    public Presence {
        status = Text.sanitizeLine(status, 500);
    }
}
