package im.parley.ui.common;

import im.parley.service.common.Availability;

/** Maps the domain's availability to what the UI draws. */
public final class PresenceTones {

    private PresenceTones() {
    }

    public static PresenceTone of(Availability availability) {
        return switch (availability) {
            case CHAT, ONLINE -> PresenceTone.AVAILABLE;
            case AWAY -> PresenceTone.AWAY;
            case XA -> PresenceTone.EXTENDED_AWAY;
            case DND -> PresenceTone.BUSY;
            case OFFLINE -> PresenceTone.OFFLINE;
        };
    }

    public static Availability availabilityOf(PresenceTone tone) {
        return switch (tone) {
            case AVAILABLE -> Availability.ONLINE;
            case AWAY -> Availability.AWAY;
            case EXTENDED_AWAY -> Availability.XA;
            case BUSY -> Availability.DND;
            case OFFLINE -> Availability.OFFLINE;
        };
    }
}
