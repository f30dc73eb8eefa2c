package im.parley.ui.common;

import im.parley.ui.testing.QueuedUiExecutor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescingUpdateTest {

    private final QueuedUiExecutor ui = new QueuedUiExecutor();
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    @DisplayName("a burst of requests before the UI turn queues one command and runs the update once")
    void burstRunsOnce() {
        CoalescingUpdate update = new CoalescingUpdate(ui, runs::incrementAndGet);

        for (int i = 0; i < 5_000; i++) {
            update.request();
        }

        assertThat(ui.pending()).isEqualTo(1);
        assertThat(runs).hasValue(0);
        ui.runAll();
        assertThat(runs).hasValue(1);
    }

    @Test
    @DisplayName("a request after the update ran schedules it again")
    void requestAfterRunSchedulesAgain() {
        CoalescingUpdate update = new CoalescingUpdate(ui, runs::incrementAndGet);

        update.request();
        ui.runAll();
        update.request();
        update.request();

        assertThat(ui.pending()).isEqualTo(1);
        ui.runAll();
        assertThat(runs).hasValue(2);
    }

    @Test
    @DisplayName("a request that arrives while the update runs is not lost: it runs once more afterwards")
    void requestDuringUpdateIsNotLost() {
        List<CoalescingUpdate> self = new ArrayList<>();
        CoalescingUpdate update = new CoalescingUpdate(ui, () -> {
            if (runs.incrementAndGet() == 1) {
                self.getFirst().request(); // new data arrived while the first update was drawing
            }
        });
        self.add(update);

        update.request();
        int commands = ui.runAll();

        assertThat(runs).hasValue(2);
        assertThat(commands).isEqualTo(2);
        assertThat(ui.pending()).isZero();
    }

    @Test
    @DisplayName("with the direct executor every request runs the update at once")
    void directRunsEachRequest() {
        CoalescingUpdate update = new CoalescingUpdate(UiExecutor.direct(), runs::incrementAndGet);

        update.request();
        assertThat(runs).hasValue(1);
        update.request();
        update.request();
        assertThat(runs).hasValue(3);
    }

    @Test
    @DisplayName("requests from many threads at once still queue a single command")
    void concurrentRequestsQueueOne() throws Exception {
        CoalescingUpdate update = new CoalescingUpdate(ui, runs::incrementAndGet);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 2_000; i++) {
                        update.request();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(ui.pending()).isEqualTo(1);
        ui.runAll();
        assertThat(runs).hasValue(1);
    }
}
