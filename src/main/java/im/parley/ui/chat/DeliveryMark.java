package im.parley.ui.chat;

/** The delivery tick next to a message, with what it means in words. */
public enum DeliveryMark {
    NONE("", ""),
    PENDING("mdi2c-clock-outline", "Sending…"),
    SENT("mdi2c-check", "Sent to the server"),
    DELIVERED("mdi2c-check-all", "Delivered"),
    FAILED("mdi2a-alert-circle-outline", "Not sent");

    private final String icon;
    private final String description;

    DeliveryMark(String icon, String description) {
        this.icon = icon;
        this.description = description;
    }

    public String icon() {
        return icon;
    }

    public String description() {
        return description;
    }
}
