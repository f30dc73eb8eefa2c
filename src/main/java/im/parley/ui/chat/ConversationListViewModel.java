package im.parley.ui.chat;

import im.parley.service.chat.ChatEvent;
import im.parley.service.chat.ChatService;
import im.parley.service.chat.Conversation;
import im.parley.service.chat.Direction;
import im.parley.service.common.Jid;
import im.parley.service.common.Text;
import im.parley.service.roster.RosterEvent;
import im.parley.service.roster.RosterService;
import im.parley.ui.common.CoalescingUpdate;
import im.parley.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** The conversations, most recent first, with their last line and unread count. */
public final class ConversationListViewModel {

    private static final int PREVIEW_CHARS = 90;

    private final ChatService chat;
    private final Executor background;
    private final RosterService roster;
    private final TimeLabels labels;
    private final Consumer<Jid> openChat;
    private final Map<Jid, Conversation> incoming = new ConcurrentHashMap<>();
    private final Map<Jid, Conversation> conversations = new HashMap<>();
    private final CoalescingUpdate refresh;
    private final ObservableList<ConversationItem> items = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper totalUnread = new ReadOnlyIntegerWrapper(0);

    /** {@code background} reads the archive, never the JavaFX thread. */
    public ConversationListViewModel(ChatService chat, RosterService roster, UiExecutor ui, Executor background,
                                     TimeLabels labels, Consumer<Jid> openChat) {
        this.chat = chat;
        this.background = background;
        this.roster = roster;
        this.labels = labels;
        this.openChat = openChat;
        this.refresh = new CoalescingUpdate(ui, this::rebuild);
    }

    public void start() {
        chat.addListener(event -> {
            if (event instanceof ChatEvent.ConversationChanged(Conversation c)) {
                incoming.put(c.peer(), c);
                refresh.request();
            }
        });
        roster.addListener(event -> {
            if (event instanceof RosterEvent.RosterLoaded || event instanceof RosterEvent.ContactChanged) {
                refresh.request();
            }
        });
        background.execute(() -> {
            // read before a change event may have arrived: that one is newer and wins
            chat.conversations().forEach(c -> incoming.putIfAbsent(c.peer(), c));
            refresh.request();
        });
    }

    /** The account's history was erased: nothing is listed until new messages arrive. */
    public void forgotten() {
        incoming.clear();
        conversations.clear();
        items.clear();
        totalUnread.set(0);
    }

    public void open(ConversationItem item) {
        openChat.accept(item.peer());
    }

    private void rebuild() {
        for (Jid peer : incoming.keySet()) {
            Conversation c = incoming.remove(peer);
            if (c != null) {
                conversations.put(peer, c);
            }
        }
        items.setAll(conversations.values().stream()
                .filter(c -> c.lastActivity() != null)
                .sorted(Comparator.comparing(Conversation::lastActivity).reversed())
                .map(this::item)
                .toList());
        totalUnread.set(conversations.values().stream().mapToInt(Conversation::unread).sum());
    }

    private ConversationItem item(Conversation c) {
        String preview = c.preview() == null ? "" : Text.sanitizeLine(c.preview().replaceAll("\\s+", " "), PREVIEW_CHARS);
        if (c.lastDirection() == Direction.OUTGOING && !preview.isEmpty()) {
            preview = "You: " + preview;
        }
        return new ConversationItem(c.peer(), roster.displayName(c.peer()), preview, labels.recent(c.lastActivity()),
                c.unread(), c.lastActivity());
    }

    public ObservableList<ConversationItem> items() {
        return items;
    }

    public ReadOnlyIntegerProperty totalUnreadProperty() {
        return totalUnread.getReadOnlyProperty();
    }
}
