package im.parley.bench;

import im.parley.archive.InMemoryMessageStore;
import im.parley.platform.FileCertificatePinStore;
import im.parley.service.account.AccountService;
import im.parley.service.account.LoginRequest;
import im.parley.service.account.ServerAddress;
import im.parley.service.chat.ChatService;
import im.parley.service.common.Jid;
import im.parley.service.roster.RosterService;
import im.parley.testsupport.ProsodyServer;
import im.parley.testsupport.TestAccount;
import im.parley.testsupport.TestConnections;
import im.parley.ui.common.FxUiExecutor;
import im.parley.ui.roster.RosterRow;
import im.parley.ui.roster.RosterView;
import im.parley.ui.roster.RosterViewModel;
import im.parley.xmpp.SmackChatGateway;
import im.parley.xmpp.SmackConnectionGateway;
import im.parley.xmpp.SmackRosterGateway;
import im.parley.xmpp.XmppSession;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the user waits for: from pressing "Log in" until the real roster view (view model, virtualised list, cells)
 * has drawn a frame showing the whole roster, on headless JavaFX (Monocle, software rendering).
 */
final class ParleyRenderedRoster implements RosterScenario {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path pinFile;

    ParleyRenderedRoster(Path workDirectory) {
        this.pinFile = workDirectory.resolve("pins-rendered.properties");
        HeadlessFx.start();
    }

    @Override
    public Duration loginAndLoadRoster(ProsodyServer server, TestAccount account, int expectedContacts) throws Exception {
        Jid jid = Jid.parseAccount(account.jid());
        FileCertificatePinStore pins = new FileCertificatePinStore(pinFile);
        pins.pin(jid, server.certificateSha256());
        Clock clock = Clock.systemUTC();
        try (XmppSession session = new XmppSession()) {
            AccountService accounts = new AccountService(new SmackConnectionGateway(session), pins);
            RosterService roster = new RosterService(new SmackRosterGateway(session));
            ChatService chat = new ChatService(new SmackChatGateway(session), new InMemoryMessageStore(clock), clock);
            RosterViewModel model = new RosterViewModel(roster, chat, new FxUiExecutor(), Runnable::run, j -> { });
            CountDownLatch drawn = new CountDownLatch(1);
            Stage stage = onFx(() -> show(model, expectedContacts, drawn));
            LoginRequest request = new LoginRequest(jid, account.password().toCharArray(),
                    Optional.of(new ServerAddress("127.0.0.1", server.c2sPort(), false)), TestConnections.randomResource());
            long start = System.nanoTime();
            accounts.login(request).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            onFx(model::start);
            if (!drawn.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The roster view did not show " + expectedContacts + " contacts in time");
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            onFx(() -> {
                stage.close();
                return null;
            });
            accounts.logout().get(5, TimeUnit.SECONDS);
            return elapsed;
        }
    }

    /** Counts down after the first frame laid out while the list holds every contact. */
    private static Stage show(RosterViewModel model, int expectedContacts, CountDownLatch drawn) {
        Stage stage = new Stage();
        Scene scene = new Scene(new RosterView(model).root(), 360, 800);
        scene.addPostLayoutPulseListener(() -> {
            long contacts = model.rows().stream().filter(r -> r instanceof RosterRow.ContactRow).count();
            if (contacts == expectedContacts) {
                drawn.countDown();
            }
        });
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void onFx(Runnable task) throws Exception {
        onFx(() -> {
            task.run();
            return null;
        });
    }

    /** Starts JavaFX once per JVM on Monocle's headless screen, as the UI tests do. */
    static final class HeadlessFx {
        private static boolean started;

        private HeadlessFx() {
        }

        static synchronized void start() {
            if (started) {
                return;
            }
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("java.awt.headless", "true");
            CountDownLatch up = new CountDownLatch(1);
            Platform.startup(up::countDown);
            Platform.setImplicitExit(false);
            try {
                up.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            started = true;
        }
    }
}
