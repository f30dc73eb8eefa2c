package im.parley.bench;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The least a JavaFX client can draw: the roster's addresses, sorted, in a plain {@code ListView} with default cells,
 * timed until the first frame that shows them is laid out. The reference for Parley's rendered roster.
 */
final class PlainListPresenter implements BareSmackRoster.Presenter {

    private static final long TIMEOUT_MS = 30_000;

    private ListView<String> list;
    private Stage stage;
    private CountDownLatch drawn;

    PlainListPresenter() {
        ParleyRenderedRoster.HeadlessFx.start();
    }

    @Override
    public void prepare() throws Exception {
        onFx(() -> {
            list = new ListView<>();
            drawn = new CountDownLatch(1);
            stage = new Stage();
            Scene scene = new Scene(list, 360, 800);
            scene.addPostLayoutPulseListener(() -> {
                if (!list.getItems().isEmpty()) {
                    drawn.countDown();
                }
            });
            stage.setScene(scene);
            stage.show();
        });
    }

    @Override
    public void present(Roster roster) throws Exception {
        List<String> names = roster.getEntries().stream().map(RosterEntry::getJid).map(Object::toString).sorted().toList();
        onFx(() -> list.getItems().setAll(names));
        if (!drawn.await(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The plain list was not drawn in time");
        }
    }

    @Override
    public void dispose() throws Exception {
        onFx(() -> stage.close());
    }

    private static void onFx(Runnable task) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                task.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
}
