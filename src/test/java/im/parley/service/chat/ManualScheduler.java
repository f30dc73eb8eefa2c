package im.parley.service.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose time only moves when the test calls {@link #advance}: due tasks then run on the
 * test's thread, in order. {@link #runEvenIfCancelled} imitates a task that had already started when
 * it was cancelled (what {@code cancel(false)} cannot stop).
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    final class Task implements ScheduledFuture<Object> {
        final long dueNanos;
        final Runnable command;
        boolean cancelled;
        boolean done;

        Task(long dueNanos, Runnable command) {
            this.dueNanos = dueNanos;
            this.command = command;
        }

        void runEvenIfCancelled() {
            done = true;
            command.run();
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - nowNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private long nowNanos;

    /** Moves time forward and runs every task that is due and not cancelled. */
    public void advance(Duration by) {
        long until = nowNanos + by.toNanos();
        while (true) {
            Task next = tasks.stream().filter(t -> !t.isDone() && t.dueNanos <= until)
                    .min(Comparator.comparingLong(t -> t.dueNanos)).orElse(null);
            if (next == null) {
                break;
            }
            nowNanos = next.dueNanos;
            next.runEvenIfCancelled();
        }
        nowNanos = until;
    }

    List<Task> tasks() {
        return List.copyOf(tasks);
    }

    long pendingTasks() {
        return tasks.stream().filter(t -> !t.isDone()).count();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task task = new Task(nowNanos + unit.toNanos(delay), command);
        tasks.add(task);
        return task;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
