package im.parley.ui.common;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Folds a burst of change notices (5,000 presences at login) into one run of {@code update} on the
 * UI executor: however many requests arrive before it runs, it runs once.
 */
public final class CoalescingUpdate {

    private final UiExecutor ui;
    private final Runnable update;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public CoalescingUpdate(UiExecutor ui, Runnable update) {
        this.ui = ui;
        this.update = update;
    }

    public void request() {
        if (scheduled.compareAndSet(false, true)) {
            ui.execute(() -> {
                scheduled.set(false);
                update.run();
            });
        }
    }
}
