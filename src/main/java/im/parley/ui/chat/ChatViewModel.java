package im.parley.ui.chat;

import im.parley.service.chat.ChatEvent;
import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.ChatService;
import im.parley.service.chat.HistoryPager;
import im.parley.service.chat.ChatState;
import im.parley.service.chat.DeliveryState;
import im.parley.service.chat.Direction;
import im.parley.service.chat.TypingNotifier;
import im.parley.service.common.Failures;
import im.parley.service.common.Jid;
import im.parley.service.common.Presence;
import im.parley.service.roster.RosterEvent;
import im.parley.service.roster.RosterService;
import im.parley.ui.common.PresenceTone;
import im.parley.ui.common.PresenceTones;
import im.parley.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One open conversation: its messages with day separators, the peer's presence and typing, and
 * the composer. Between {@link #activate()} and {@link #deactivate()} it follows the chat events.
 */
public final class ChatViewModel {

    static final int PAGE = 100;

    private final Jid peer;
    private final ChatService chat;
    private final RosterService roster;
    private final TypingNotifier typing;
    private final UiExecutor ui;
    private final Executor background;
    private final TimeLabels labels;
    private final Consumer<ChatEvent> chatListener;
    private final Consumer<RosterEvent> rosterListener;

    /** The messages shown, oldest first; {@link #lines} is derived from it. */
    private final List<ChatMessage> messages = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final ObservableList<ChatLine> lines = FXCollections.observableArrayList();
    private final StringProperty composer = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PresenceTone> tone = new ReadOnlyObjectWrapper<>(PresenceTone.OFFLINE);
    private final ReadOnlyBooleanWrapper peerTyping = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper olderAvailable = new ReadOnlyBooleanWrapper(true);
    /** True while the window shown ends before the newest stored message (opened at an older one). */
    private final ReadOnlyBooleanWrapper newerAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper focusedMessage = new ReadOnlyStringWrapper("");
    /** Live messages that arrived while the newest ones were not shown; merged when the window reaches them. */
    private final List<ChatMessage> heldLive = new ArrayList<>();
    private boolean active;
    private final OlderPages olderPages;
    /** Whether older pages can come from the server, so a short local history is not the end. */
    private final boolean serverHistory;
    private boolean loadingOlder;
    private boolean loadingNewer;
    private LocalDate laidOutOn;
    private boolean suppressTyping;

    /** Where older messages come from: the local archive, then (in the app) the server's. */
    @FunctionalInterface
    public interface OlderPages {
        CompletableFuture<HistoryPager.OlderMessages> olderThan(Jid peer, Instant before, int limit);
    }

    /** {@code background} runs the store reads (the archive's disk), never the JavaFX thread. */
    public ChatViewModel(Jid peer, ChatService chat, RosterService roster, TypingNotifier typing, UiExecutor ui,
                         Executor background, TimeLabels labels) {
        this(peer, chat, roster, typing, ui, background, labels, new LocalOlderPages(chat, background));
    }

    /** Older pages from the local archive only. */
    private record LocalOlderPages(ChatService chat, Executor background) implements OlderPages {
        @Override
        public CompletableFuture<HistoryPager.OlderMessages> olderThan(Jid peer, Instant before, int limit) {
            return CompletableFuture.supplyAsync(() -> {
                List<ChatMessage> local = chat.olderThan(peer, before, limit);
                return new HistoryPager.OlderMessages(local, local.size() == limit, null);
            }, background);
        }
    }

    public ChatViewModel(Jid peer, ChatService chat, RosterService roster, TypingNotifier typing, UiExecutor ui,
                         Executor background, TimeLabels labels, OlderPages olderPages) {
        this.olderPages = olderPages;
        this.serverHistory = !(olderPages instanceof LocalOlderPages);
        this.peer = peer.bare();
        this.chat = chat;
        this.roster = roster;
        this.typing = typing;
        this.ui = ui;
        this.background = background;
        this.labels = labels;
        this.chatListener = e -> ui.execute(() -> onChatEvent(e));
        this.rosterListener = e -> ui.execute(() -> onRosterEvent(e));
        composer.addListener((obs, old, now) -> composerEdited(now));
        refreshPeer();
    }

    public Jid peer() {
        return peer;
    }

    /** Shows the newest messages and follows new ones; marks the conversation read. */
    public void activate() {
        if (active) {
            return;
        }
        startFollowing();
        loadLatest(newerAvailable.get());
    }

    /**
     * Like {@link #activate()}, but shows the stored messages around {@code messageId} and asks the view to scroll
     * to it and highlight it ({@link #focusedMessageProperty()}); older and newer pages load from there, and new
     * messages show once the window has reached the newest. An unknown id shows the newest messages with a note.
     */
    public void activateAt(String messageId) {
        if (active) {
            return;
        }
        startFollowing();
        int half = PAGE / 2;
        CompletableFuture.supplyAsync(() -> chat.openAround(peer, messageId, half, half), background)
                .whenComplete((window, failure) -> ui.execute(() -> {
                    if (!active) {
                        return;
                    }
                    if (failure != null) {
                        error.set("The conversation could not be loaded: " + Failures.messageOf(failure));
                        return;
                    }
                    if (window.isEmpty()) {
                        error.set("That message is no longer in the archive.");
                        loadLatest(newerAvailable.get());
                        return;
                    }
                    int at = indexOfId(window, messageId);
                    heldLive.addAll(messages); // arrived while loading: newer than the window, maybe past a gap
                    messages.clear();
                    ids.clear();
                    window.forEach(this::remember);
                    olderAvailable.set(at == half || serverHistory);
                    newerAvailable.set(window.size() - at - 1 == half);
                    if (!newerAvailable.get()) {
                        mergeHeldLive();
                    }
                    relayout();
                    focusedMessage.set(messageId);
                }));
    }

    private void startFollowing() {
        active = true;
        // Listening first, loading second: a message arriving meanwhile is merged by its id, not lost.
        chat.addListener(chatListener);
        roster.addListener(rosterListener);
        refreshPeer();
    }

    /** {@code replacing}: the newest page takes the place of what is shown, which may not reach it. */
    private void loadLatest(boolean replacing) {
        CompletableFuture.supplyAsync(() -> chat.open(peer, PAGE), background)
                .whenComplete((latest, failure) -> ui.execute(() -> {
                    if (!active) {
                        return;
                    }
                    if (failure != null) {
                        error.set("The conversation could not be loaded: " + Failures.messageOf(failure));
                        return;
                    }
                    if (replacing) {
                        messages.clear();
                        ids.clear();
                    }
                    latest.forEach(this::remember);
                    newerAvailable.set(false);
                    mergeHeldLive();
                    olderAvailable.set(latest.size() == PAGE || serverHistory);
                    relayout();
                }));
    }

    private static int indexOfId(List<ChatMessage> window, String id) {
        for (int i = 0; i < window.size(); i++) {
            if (window.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public void deactivate() {
        if (!active) {
            return;
        }
        active = false;
        chat.removeListener(chatListener);
        roster.removeListener(rosterListener);
        typing.left(peer);
    }

    /** Sends the composer's text; keeps it there (with the reason) when it cannot be sent. */
    public void send() {
        String text = composer.get();
        if (text == null || text.isBlank()) {
            return;
        }
        CompletableFuture<ChatMessage> sent = chat.send(peer, text);
        if (sent.isCompletedExceptionally()) {
            sent.exceptionally(failure -> {
                error.set(Failures.messageOf(failure));
                return null;
            });
            return;
        }
        error.set("");
        if (newerAvailable.get()) {
            loadLatest(true); // the message just sent is at the newest end: show that end, as every chat does
        }
        suppressTyping = true;
        composer.set("");
        suppressTyping = false;
        typing.stopped(peer);
        sent.exceptionally(failure -> {
            ui.execute(() -> {
                error.set("Not sent: " + Failures.messageOf(failure));
                if (composer.get().isEmpty()) {
                    composer.set(text); // nothing typed since: give the text back rather than lose it
                }
            });
            return null;
        });
    }

    /**
     * Prepends the page of messages before the oldest shown. Completes on the UI executor with true when some
     * were added; false when there were none (or a page is being loaded already).
     */
    public CompletableFuture<Boolean> loadOlder() {
        if (loadingOlder || !olderAvailable.get() || messages.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        loadingOlder = true;
        // Messages sharing the oldest timestamp may not all be shown yet: ask up to and including it.
        Instant oldest = messages.getFirst().timestamp();
        int sameInstant = (int) messages.stream().takeWhile(m -> m.timestamp().equals(oldest)).count();
        int limit = PAGE + sameInstant;
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        olderPages.olderThan(peer, oldest.plusNanos(1), limit)
                .whenComplete((older, failure) -> ui.execute(() -> {
                    loadingOlder = false;
                    if (failure != null) {
                        error.set("Older messages could not be loaded: " + Failures.messageOf(failure));
                        done.complete(false);
                        return;
                    }
                    if (older.problem() != null) {
                        error.set(older.problem());
                    }
                    olderAvailable.set(older.serverHasMore() && !older.messages().isEmpty());
                    long added = older.messages().stream().filter(m -> remember(m) >= 0).count();
                    relayout();
                    done.complete(added > 0);
                }));
        return done;
    }

    /**
     * Appends the page of messages after the newest shown (when the conversation was opened at an older message).
     * Completes on the UI executor with true when some were added; once the window reaches the newest message,
     * live messages show again and there is nothing newer to load.
     */
    public CompletableFuture<Boolean> loadNewer() {
        if (loadingNewer || !newerAvailable.get() || messages.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        loadingNewer = true;
        String newest = messages.getLast().id();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> chat.around(peer, newest, 0, PAGE), background)
                .whenComplete((newer, failure) -> ui.execute(() -> {
                    loadingNewer = false;
                    if (failure != null) {
                        error.set("Newer messages could not be loaded: " + Failures.messageOf(failure));
                        done.complete(false);
                        return;
                    }
                    long added = newer.stream().filter(m -> remember(m) >= 0).count();
                    if (newer.size() < PAGE + 1) {
                        newerAvailable.set(false);
                        added += mergeHeldLive();
                    }
                    relayout();
                    done.complete(added > 0);
                }));
        return done;
    }

    private long mergeHeldLive() {
        long added = heldLive.stream().filter(m -> remember(m) >= 0).count();
        heldLive.clear();
        return added;
    }

    /** The index in {@link #lines()} of the message with this id, or -1. */
    public int lineIndexOf(String messageId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof ChatLine.MessageLine line && line.id().equals(messageId)) {
                return i;
            }
        }
        return -1;
    }

    private void composerEdited(String text) {
        if (suppressTyping || !active) {
            return;
        }
        if (text == null || text.isEmpty()) {
            typing.stopped(peer);
        } else {
            typing.typed(peer);
        }
    }

    private void onChatEvent(ChatEvent event) {
        if (!active) {
            return;
        }
        switch (event) {
            case ChatEvent.MessageAdded(ChatMessage m) when m.conversation().equals(peer) && newerAvailable.get() -> {
                heldLive.add(m); // shown when the window reaches the newest end, not past a gap
                if (m.direction() == Direction.INCOMING) {
                    markReadInBackground();
                }
            }
            case ChatEvent.MessageAdded(ChatMessage m) when m.conversation().equals(peer) -> {
                int at = remember(m);
                if (at >= 0) {
                    boolean inOrder = at == messages.size() - 1;
                    if (inOrder && labels.today().equals(laidOutOn)) {
                        appendLine(m);
                    } else {
                        relayout(); // a delayed message goes in its place; after midnight "Today" moves on
                    }
                }
                if (m.direction() == Direction.INCOMING) {
                    peerTyping.set(false);
                    refreshSubtitle();
                    markReadInBackground();
                }
            }
            case ChatEvent.MessageUpdated(ChatMessage m) when m.conversation().equals(peer) -> replace(m);
            case ChatEvent.HistoryCaughtUp(Jid conversation, int added, int _) when conversation.equals(peer) -> {
                if (!newerAvailable.get()) {
                    // More than a page may have come in: then the newest page replaces the view, leaving no hole.
                    loadLatest(added >= PAGE);
                }
                markReadInBackground();
            }
            case ChatEvent.PeerChatStateChanged(Jid from, ChatState state) when from.bare().equals(peer) -> {
                peerTyping.set(state == ChatState.COMPOSING);
                refreshSubtitle();
            }
            default -> { }
        }
    }

    private void markReadInBackground() {
        background.execute(() -> chat.markRead(peer));
    }

    private void onRosterEvent(RosterEvent event) {
        switch (event) {
            case RosterEvent.PresenceChanged(Jid jid, Presence p) when jid.bare().equals(peer) -> refreshPeer();
            case RosterEvent.ContactChanged c when c.contact().jid().equals(peer) -> refreshPeer();
            case RosterEvent.RosterLoaded l -> refreshPeer();
            default -> { }
        }
    }

    /** Inserts the message in time order; its index, or -1 when it is shown already. */
    private int remember(ChatMessage m) {
        if (!ids.add(m.id())) {
            return -1;
        }
        int at = messages.size();
        while (at > 0 && messages.get(at - 1).timestamp().isAfter(m.timestamp())) {
            at--;
        }
        messages.add(at, m);
        return at;
    }

    private void replace(ChatMessage m) {
        heldLive.replaceAll(held -> held.id().equals(m.id()) ? m : held);
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).id().equals(m.id())) {
                messages.set(i, m);
                break;
            }
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i) instanceof ChatLine.MessageLine line && line.id().equals(m.id())) {
                lines.set(i, line(m));
                return;
            }
        }
    }

    private void appendLine(ChatMessage m) {
        LocalDate day = labels.dayOf(m.timestamp());
        if (messages.size() == 1 || !labels.dayOf(messages.get(messages.size() - 2).timestamp()).equals(day)) {
            lines.add(new ChatLine.DayLine(labels.day(day)));
        }
        lines.add(line(m));
    }

    private void relayout() {
        messages.sort(Comparator.comparing(ChatMessage::timestamp));
        List<ChatLine> next = new ArrayList<>(messages.size() + 8);
        LocalDate current = null;
        for (ChatMessage m : messages) {
            LocalDate day = labels.dayOf(m.timestamp());
            if (!day.equals(current)) {
                next.add(new ChatLine.DayLine(labels.day(day)));
                current = day;
            }
            next.add(line(m));
        }
        lines.setAll(next);
        laidOutOn = labels.today();
    }

    private ChatLine.MessageLine line(ChatMessage m) {
        boolean outgoing = m.direction() == Direction.OUTGOING;
        String sender = outgoing ? "You" : roster.displayName(peer);
        return new ChatLine.MessageLine(m.id(), outgoing, sender, m.body(), labels.time(m.timestamp()),
                markOf(m.state()), m.failureReason() == null ? "" : m.failureReason());
    }

    private static DeliveryMark markOf(DeliveryState state) {
        return switch (state) {
            case PENDING -> DeliveryMark.PENDING;
            case SENT -> DeliveryMark.SENT;
            case DELIVERED -> DeliveryMark.DELIVERED;
            case FAILED -> DeliveryMark.FAILED;
            case RECEIVED -> DeliveryMark.NONE;
        };
    }

    private void refreshPeer() {
        title.set(roster.displayName(peer));
        tone.set(PresenceTones.of(roster.presenceOf(peer).availability()));
        refreshSubtitle();
    }

    private void refreshSubtitle() {
        if (peerTyping.get()) {
            subtitle.set("typing…");
            return;
        }
        Presence p = roster.presenceOf(peer);
        String presence = PresenceTones.of(p.availability()).label();
        subtitle.set(peer.asBareString() + " · " + presence + (p.status().isEmpty() ? "" : " — " + p.status()));
    }

    public ObservableList<ChatLine> lines() {
        return lines;
    }

    public StringProperty composerProperty() {
        return composer;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PresenceTone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty peerTypingProperty() {
        return peerTyping.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty olderAvailableProperty() {
        return olderAvailable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty newerAvailableProperty() {
        return newerAvailable.getReadOnlyProperty();
    }

    /** The id of the message the conversation was opened at, for the view to scroll to and highlight ("" if none). */
    public ReadOnlyStringProperty focusedMessageProperty() {
        return focusedMessage.getReadOnlyProperty();
    }
}
