package im.parley.ui.shell;

import im.parley.service.account.AccountService;
import im.parley.service.account.ConnectionState;
import im.parley.service.account.ConnectionStateChanged;
import im.parley.service.chat.ChatEvent;
import im.parley.service.archive.PrivacyService;
import im.parley.service.chat.ChatService;
import im.parley.service.chat.TypingNotifier;
import im.parley.service.common.Failures;
import im.parley.service.common.Jid;
import im.parley.service.common.Presence;
import im.parley.service.roster.RosterService;
import im.parley.ui.chat.ChatViewModel;
import im.parley.ui.chat.ConversationListViewModel;
import im.parley.ui.chat.TimeLabels;
import im.parley.ui.common.PresenceTone;
import im.parley.ui.common.PresenceTones;
import im.parley.ui.common.UiExecutor;
import im.parley.ui.roster.RosterViewModel;
import im.parley.ui.search.SearchViewModel;
import im.parley.service.search.SearchService;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The main window of a logged-in account: who is logged in and how the connection is, the
 * user's own presence, the roster and conversation list, and the one chat in front.
 */
public final class ShellViewModel {

    public static final List<PresenceTone> PRESENCE_CHOICES =
            List.of(PresenceTone.AVAILABLE, PresenceTone.AWAY, PresenceTone.EXTENDED_AWAY, PresenceTone.BUSY);

    private final AccountService account;
    private final RosterService roster;
    private final ChatService chat;
    private final TypingNotifier typing;
    private final UiExecutor ui;
    private final Executor background;
    private final TimeLabels labels;
    private final Runnable loggedOut;
    private final RosterViewModel rosterViewModel;
    private final ConversationListViewModel conversations;

    private final ReadOnlyStringWrapper accountLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ObjectProperty<PresenceTone> presence = new SimpleObjectProperty<>(PresenceTone.AVAILABLE);
    private final StringProperty status = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ChatViewModel> currentChat = new ReadOnlyObjectWrapper<>();
    private ChatViewModel.OlderPages olderPages;
    private PrivacyService privacy;
    private final BooleanProperty clearOnLogout = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper privacyOffered = new ReadOnlyBooleanWrapper(false);
    private boolean showingStoredChoice;
    private final SearchViewModel search;

    /** A window without message search (no archive to search). */
    public ShellViewModel(AccountService account, RosterService roster, ChatService chat, TypingNotifier typing,
                          UiExecutor ui, Executor background, TimeLabels labels, Runnable loggedOut) {
        this(account, roster, chat, typing, ui, background, labels, loggedOut, null, null);
    }

    /**
     * A window with message search over {@code searchService}; {@code timers} runs the typing debounce. Both
     * null for a window without search.
     */
    public ShellViewModel(AccountService account, RosterService roster, ChatService chat, TypingNotifier typing,
                          UiExecutor ui, Executor background, TimeLabels labels, Runnable loggedOut,
                          SearchService searchService, ScheduledExecutorService timers) {
        this.account = account;
        this.roster = roster;
        this.chat = chat;
        this.typing = typing;
        this.ui = ui;
        this.background = background;
        this.labels = labels;
        this.loggedOut = loggedOut;
        this.rosterViewModel = new RosterViewModel(roster, chat, ui, background, this::openChat);
        this.conversations = new ConversationListViewModel(chat, roster, ui, background, labels, this::openChat);
        this.search = searchService == null ? null : new SearchViewModel(searchService, ui, timers,
                SearchViewModel.DEBOUNCE, labels, roster::displayName, this::openChatAt);
        if (search != null) {
            currentChat.addListener((obs, old, now) ->
                    search.currentConversationProperty().set(now == null ? null : now.peer()));
        }
        account.boundJid().ifPresent(jid -> accountLabel.set(jid.asBareString()));
        presence.addListener((obs, old, now) -> applyPresence());
    }

    /** Follows the connection and the chat's warnings, and loads the roster. */
    public CompletableFuture<Void> start() {
        account.addListener(e -> ui.execute(() -> onConnection(e)));
        chat.addListener(e -> {
            switch (e) {
                case ChatEvent.StanzaRejected(Jid claimed, String reason) -> ui.execute(() -> notice.set(reason));
                case ChatEvent.HistoryGapFound(String reason) -> ui.execute(() -> notice.set(reason));
                default -> { }
            }
        });
        conversations.start();
        return rosterViewModel.start();
    }

    private void onConnection(ConnectionStateChanged event) {
        online.set(event.state() == ConnectionState.CONNECTED);
        connection.set(switch (event.state()) {
            case CONNECTED -> "";
            case CONNECTING -> "Connecting…";
            case RECONNECTING -> "Connection lost; reconnecting" + (event.detail().isEmpty() ? "…" : " (" + event.detail() + ")");
            case DISCONNECTED -> "Disconnected" + (event.detail().isEmpty() ? "" : ": " + event.detail());
        });
    }

    /**
     * Offers the archive's privacy choices for this account: forgetting its history now, and clearing all of its
     * data at every logout (the app does the clearing once the session is closed).
     */
    public void offerPrivacy(PrivacyService service) {
        privacy = service;
        privacyOffered.set(true);
        account.boundJid().ifPresent(jid -> service.clearsOnLogout(jid).whenComplete((stored, failure) -> ui.execute(() -> {
            if (failure != null) {
                notice.set("Your privacy settings could not be read: " + Failures.messageOf(failure));
                return;
            }
            showingStoredChoice = true;
            clearOnLogout.set(stored);
            showingStoredChoice = false;
        })));
        clearOnLogout.addListener((obs, old, now) -> {
            if (!showingStoredChoice) {
                account.boundJid().ifPresent(jid -> service.setClearOnLogout(jid, now).whenComplete((ok, failure) -> {
                    if (failure != null) {
                        ui.execute(() -> notice.set("The setting was not saved: " + Failures.messageOf(failure)));
                    }
                }));
            }
        });
    }

    /** Erases this account's messages from this computer (the server's archive is not touched). */
    public CompletableFuture<Void> forgetHistory() {
        if (privacy == null || account.boundJid().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        ChatViewModel current = currentChat.get();
        if (current != null) {
            current.deactivate();
            currentChat.set(null);
        }
        return privacy.forgetHistory(account.boundJid().get()).handle((ok, failure) -> {
            ui.execute(() -> {
                if (failure != null) {
                    notice.set("The history could not be removed: " + Failures.messageOf(failure));
                } else {
                    conversations.forgotten();
                    notice.set("This account's message history was removed from this computer. "
                            + "Your server may still keep its own archive.");
                }
            });
            return null;
        });
    }

    public BooleanProperty clearOnLogoutProperty() {
        return clearOnLogout;
    }

    public ReadOnlyBooleanProperty privacyOfferedProperty() {
        return privacyOffered.getReadOnlyProperty();
    }

    /** Scrolling back past the local archive asks the server's (the app passes the history pager). */
    public void pageOlderFrom(ChatViewModel.OlderPages pages) {
        this.olderPages = pages;
    }

    public void openChat(Jid peer) {
        ChatViewModel current = currentChat.get();
        if (current != null && current.peer().equals(peer.bare())) {
            return;
        }
        if (current != null) {
            current.deactivate();
        }
        ChatViewModel next = newChat(peer);
        next.activate();
        currentChat.set(next);
    }

    /** Opens the conversation with {@code peer} at one of its messages (a search result), even if it is open. */
    public void openChatAt(Jid peer, String messageId) {
        ChatViewModel current = currentChat.get();
        if (current != null) {
            current.deactivate();
        }
        ChatViewModel next = newChat(peer);
        next.activateAt(messageId);
        currentChat.set(next);
    }

    /** Message search, when this window has an archive to search. */
    public Optional<SearchViewModel> search() {
        return Optional.ofNullable(search);
    }

    /** Sends the chosen presence and status line to the server. */
    public void applyPresence() {
        PresenceTone tone = presence.get() == null ? PresenceTone.AVAILABLE : presence.get();
        account.setPresence(new Presence(PresenceTones.availabilityOf(tone), status.get()))
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        ui.execute(() -> notice.set("Your presence could not be sent: " + Failures.messageOf(failure)));
                    }
                });
    }

    public void dismissNotice() {
        notice.set("");
    }

    /** Says goodbye to the server (unavailable presence, stream closed), then leaves the window. */
    public CompletableFuture<Void> logout() {
        ChatViewModel current = currentChat.get();
        if (current != null) {
            current.deactivate();
        }
        return account.logout()
                .handle((ok, failure) -> null)
                .thenRun(() -> ui.execute(loggedOut));
    }

    public RosterViewModel roster() {
        return rosterViewModel;
    }

    public ConversationListViewModel conversations() {
        return conversations;
    }

    public ReadOnlyObjectProperty<ChatViewModel> currentChatProperty() {
        return currentChat.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accountLabelProperty() {
        return accountLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ObjectProperty<PresenceTone> presenceProperty() {
        return presence;
    }

    public StringProperty statusProperty() {
        return status;
    }

    private ChatViewModel newChat(Jid peer) {
        return olderPages == null
                ? new ChatViewModel(peer, chat, roster, typing, ui, background, labels)
                : new ChatViewModel(peer, chat, roster, typing, ui, background, labels, olderPages);
    }
}
