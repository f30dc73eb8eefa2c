package im.parley.service.notify;

/** Port: shows notifications on the desktop (or wherever the platform can). */
public interface Notifier {

    /** Shows or replaces the notification for {@code notification.conversation()}. Never throws. */
    void show(Notification notification);
}
