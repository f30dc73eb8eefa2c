package im.parley.app;

import im.parley.archive.SqlAccountDataEraser;
import im.parley.archive.SqlAccountEraser;
import im.parley.archive.SqlArchiveVault;
import im.parley.archive.SqlSettingsStore;
import im.parley.archive.SqlCertificatePinStore;
import im.parley.archive.SqlRememberedLoginStore;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.platform.AppDirectories;
import im.parley.platform.DesktopNotifier;
import im.parley.platform.OsKeychain;
import im.parley.service.account.CertificatePinStore;
import im.parley.service.account.RememberedLoginStore;
import im.parley.service.archive.ArchiveService;
import im.parley.service.archive.KeySource;
import im.parley.service.archive.PassphraseMeter;
import im.parley.service.archive.PrivacyService;
import im.parley.service.common.Jid;
import im.parley.ui.chat.TimeLabels;
import im.parley.ui.common.FxUiExecutor;
import im.parley.ui.common.Theme;
import im.parley.ui.common.UiExecutor;
import im.parley.ui.login.LoginView;
import im.parley.ui.login.LoginViewModel;
import im.parley.ui.shell.MainView;
import im.parley.ui.shell.ShellViewModel;
import im.parley.ui.unlock.ChangePassphraseView;
import im.parley.ui.unlock.ChangePassphraseViewModel;
import im.parley.ui.unlock.UnlockView;
import im.parley.ui.unlock.UnlockViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.InputStream;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.time.ZoneId;

/**
 * The composition root: unlocks the encrypted archive, builds the stores on it, a client session per login, and the
 * windows.
 */
public final class ParleyApplication extends Application {

    static final String EXIT_AFTER_FIRST_FRAME = "parley.exitAfterFirstFrame";
    private static final Logger LOG = LoggerFactory.getLogger(ParleyApplication.class);

    private final UiExecutor ui = new FxUiExecutor();
    /** Disk work the view models hand off (store reads, small settings files): never on the JavaFX thread. */
    private final ExecutorService background =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("parley-background-", 0).factory());
    private final Clock clock = Clock.systemDefaultZone();
    private AppDirectories dirs;
    private SqlArchiveVault vault;
    private volatile EncryptedDatabase archive;
    private CertificatePinStore pins;
    private RememberedLoginStore remembered;
    private PrivacyService privacy;
    private final DesktopNotifier notifier = new DesktopNotifier();
    private Stage stage;
    private ClientSession session;
    /** What the user is looking at, read by the notification service on network threads. */
    private volatile Jid viewing;
    private volatile boolean focused;

    @Override
    public void init() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught exception on {}", t.getName(), e));
        dirs = AppDirectories.forCurrentUser().ensureExist();
        vault = new SqlArchiveVault(dirs.data(), new OsKeychain());
    }

    @Override
    public void start(Stage primary) {
        stage = primary;
        Theme.followSystem();
        stage.setTitle("Parley");
        addIcons(stage);
        stage.setMinWidth(420);
        stage.setMinHeight(520);
        // Quitting is explicit: an open popup (a tooltip) would otherwise keep the toolkit alive after the window.
        stage.setOnCloseRequest(e -> Platform.exit());
        stage.focusedProperty().addListener((obs, old, now) -> focused = now);
        showUnlock();
        stage.show();
        FirstFrame.report(stage.getScene(), Boolean.getBoolean(EXIT_AFTER_FIRST_FRAME));
    }

    private void showUnlock() {
        UnlockViewModel model = new UnlockViewModel(new ArchiveService(vault, background), new PassphraseMeter(), ui,
                background, this::archiveUnlocked);
        show(new UnlockView(model).root(), 520, 680);
        stage.setTitle("Parley — Unlock");
        model.start();
    }

    /** After a logout: the session is closed first, then the account's data erased when the user asked for it. */
    private void loggedOut(Jid account) {
        closeSession();
        privacy.loggedOut(account).whenComplete((cleared, failure) -> ui.execute(() -> {
            if (failure != null) {
                LOG.warn("Clearing the account's data at logout failed: {}", failure.toString());
            } else if (cleared) {
                LOG.info("Cleared the data of {} at logout, as asked", account.bare());
            }
            showLogin();
        }));
    }

    private void showChangePassphrase() {
        closeSession(); // nothing may hold the archive while it is re-encrypted
        ChangePassphraseViewModel model = new ChangePassphraseViewModel(new ArchiveService(vault, background),
                new PassphraseMeter(), ui, background, this::archiveUnlocked, this::showLogin);
        show(new ChangePassphraseView(model).root(), 520, 680);
        stage.setTitle("Parley — Change archive passphrase");
    }

    private void archiveUnlocked() {
        archive = vault.database();
        archive.watchForbiddenThread(Platform::isFxApplicationThread);
        pins = new SqlCertificatePinStore(archive, clock);
        remembered = new SqlRememberedLoginStore(archive, clock);
        privacy = new PrivacyService(new SqlAccountDataEraser(new SqlAccountEraser(archive)), new SqlSettingsStore(archive),
                background);
        background.execute(() -> {
            new LegacyFiles(dirs.config()).moveInto(pins, remembered);
            ui.execute(this::showLogin);
        });
    }

    /** Archive calls that ran on the JavaFX thread since the archive was unlocked (tests expect none). */
    long archiveCallsOnUiThread() {
        EncryptedDatabase open = archive;
        return open == null ? 0 : open.forbiddenThreadCalls();
    }

    private void showLogin() {
        closeSession();
        session = new ClientSession(pins, archive, clock, notifier, peer -> focused && peer.equals(viewing));
        LoginViewModel model = new LoginViewModel(session.account, remembered, ui, background, this::showMain);
        if (vault.keySource() == KeySource.PASSPHRASE) {
            model.offerPassphraseChange(this::showChangePassphrase);
        }
        show(new LoginView(model).root(), 520, 680);
        stage.setTitle("Parley — Log in");
    }

    private void showMain(Jid account) {
        ShellViewModel model = new ShellViewModel(session.account, session.roster, session.chat, session.typing, ui,
                background, new TimeLabels(clock, ZoneId.systemDefault()), () -> loggedOut(account),
                session.searchFor(account, archive, background), session.timers);
        ClientSession current = session;
        model.pageOlderFrom(current.pager::olderThan);
        model.offerPrivacy(privacy);
        model.currentChatProperty().addListener((obs, old, chat) -> {
            viewing = chat == null ? null : chat.peer();
            if (viewing != null) {
                current.notifications.seen(viewing);
            }
        });
        show(new MainView(model).root(), 1100, 720);
        stage.setTitle("Parley — " + account.asBareString());
        model.start();
    }

    private void show(Parent root, double width, double height) {
        if (stage.getScene() == null) {
            Scene scene = new Scene(root, width, height);
            Theme.style(scene);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), Platform::exit);
            stage.setScene(scene);
        } else {
            stage.getScene().setRoot(root);
            if (stage.getWidth() < width) {
                stage.setWidth(width);
                stage.setHeight(Math.max(stage.getHeight(), height));
                stage.centerOnScreen();
            }
        }
    }

    private static void addIcons(Stage stage) {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            try (InputStream in = ParleyApplication.class.getResourceAsStream("/im/parley/icons/parley-" + size + ".png")) {
                if (in != null) {
                    stage.getIcons().add(new Image(in));
                }
            } catch (java.io.IOException e) {
                LOG.debug("Icon {} not loaded", size, e);
            }
        }
    }

    private void closeSession() {
        viewing = null;
        if (session != null) {
            ClientSession old = session;
            session = null;
            old.close();
        }
    }

    @Override
    public void stop() {
        closeSession();
        background.shutdown();
        try {
            vault.close();
        } catch (java.sql.SQLException e) {
            LOG.warn("The archive did not close cleanly: {}", e.toString());
        }
        LOG.info("Parley stopped");
    }
}
