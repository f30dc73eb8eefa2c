package im.parley.ui.testing;

import im.parley.ui.common.UiExecutor;

import java.util.ArrayList;
import java.util.List;

/**
 * A UI thread that only runs when the test says so: commands wait in a queue, as they would behind
 * {@code Platform.runLater}, until {@link #runAll()}.
 */
public final class QueuedUiExecutor implements UiExecutor {

    private final List<Runnable> queue = new ArrayList<>();

    @Override
    public synchronized void execute(Runnable command) {
        queue.add(command);
    }

    public synchronized int pending() {
        return queue.size();
    }

    /** Runs the queued commands, and those they queue, until none is left; returns how many ran. */
    public int runAll() {
        int ran = 0;
        while (true) {
            List<Runnable> batch;
            synchronized (this) {
                if (queue.isEmpty()) {
                    return ran;
                }
                batch = List.copyOf(queue);
                queue.clear();
            }
            for (Runnable command : batch) {
                command.run();
                ran++;
            }
        }
    }
}
