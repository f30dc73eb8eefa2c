package im.parley.ui.common;

/** How a presence is drawn: one colour and one label per tone. */
public enum PresenceTone {
    AVAILABLE("Available", "presence-available"),
    AWAY("Away", "presence-away"),
    EXTENDED_AWAY("Not available", "presence-xa"),
    BUSY("Do not disturb", "presence-busy"),
    OFFLINE("Offline", "presence-offline");

    private final String label;
    private final String styleClass;

    PresenceTone(String label, String styleClass) {
        this.label = label;
        this.styleClass = styleClass;
    }

    public String label() {
        return label;
    }

    public String styleClass() {
        return styleClass;
    }
}
