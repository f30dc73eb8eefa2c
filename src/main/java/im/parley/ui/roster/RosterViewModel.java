package im.parley.ui.roster;

import im.parley.service.chat.ChatEvent;
import im.parley.service.chat.ChatService;
import im.parley.service.chat.Conversation;
import im.parley.service.common.Failures;
import im.parley.service.common.InvalidJidException;
import im.parley.service.common.Jid;
import im.parley.service.common.Presence;
import im.parley.service.roster.Contact;
import im.parley.service.roster.RosterEvent;
import im.parley.service.roster.RosterService;
import im.parley.service.roster.Subscription;
import im.parley.ui.common.CoalescingUpdate;
import im.parley.ui.common.PresenceTone;
import im.parley.ui.common.PresenceTones;
import im.parley.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The contact list: grouped, filtered, online contacts first, with unread counts and the
 * subscription requests waiting for the user. Network events are queued and applied in one
 * batch per UI turn, so a login with thousands of presences redraws the list a few times, not
 * thousands.
 */
public final class RosterViewModel {

    private static final Comparator<String> BY_NAME = Collator.getInstance()::compare;

    private final RosterService roster;
    private final ChatService chat;
    private final UiExecutor ui;
    private final Executor background;
    private final Consumer<Jid> openChat;
    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final CoalescingUpdate drain;

    private final Map<Jid, Integer> unread = new HashMap<>();
    private final Set<String> collapsed = new HashSet<>();
    /** Collation keys by name: comparing keys is cheap, collating 5,000 names on every redraw is not. */
    private final Map<String, CollationKey> sortKeys = new HashMap<>();
    private final Collator collator = Collator.getInstance();

    private final ObservableList<RosterRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RequestItem> requests = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);

    /** {@code background} reads the archive (unread counts), never the JavaFX thread. */
    public RosterViewModel(RosterService roster, ChatService chat, UiExecutor ui, Executor background,
                           Consumer<Jid> openChat) {
        this.roster = roster;
        this.chat = chat;
        this.ui = ui;
        this.background = background;
        this.openChat = openChat;
        this.drain = new CoalescingUpdate(ui, this::applyQueued);
        filter.addListener((obs, old, now) -> rebuild());
    }

    /** Subscribes to roster and chat events, then loads the roster from the server. */
    public CompletableFuture<Void> start() {
        roster.addListener(this::enqueue);
        roster.pendingRequests().forEach(from -> enqueue(new RosterEvent.SubscriptionRequested(from)));
        chat.addListener(event -> {
            if (event instanceof ChatEvent.ConversationChanged changed) {
                enqueue(changed);
            }
        });
        background.execute(() -> chat.conversations().forEach(c -> enqueue(new StoredUnread(c))));
        return roster.load().handle((contacts, failure) -> {
            if (failure != null) {
                ui.execute(() -> error.set("The contact list could not be loaded: " + Failures.messageOf(failure)));
            }
            return null;
        });
    }

    /** A conversation's unread count as stored when the list started. */
    private record StoredUnread(Conversation conversation) {
    }

    private void enqueue(Object event) {
        inbox.add(event);
        drain.request();
    }

    private void applyQueued() {
        boolean changed = false;
        for (Object event; (event = inbox.poll()) != null; ) {
            changed |= apply(event);
        }
        if (changed) {
            rebuild();
        }
    }

    private boolean apply(Object event) {
        switch (event) {
            // The service keeps the contacts and presences; these events only say that the list must be redrawn.
            case RosterEvent.RosterLoaded _ -> loaded.set(true);
            case RosterEvent.ContactChanged _, RosterEvent.ContactRemoved _, RosterEvent.PresenceChanged _ -> { }
            case RosterEvent.SubscriptionRequested(Jid from) -> {
                if (requests.stream().noneMatch(r -> r.jid().equals(from))) {
                    requests.add(new RequestItem(from, from.asBareString()));
                }
                return false;
            }
            case RosterEvent.SubscriptionRequestSettled(Jid from) -> {
                requests.removeIf(r -> r.jid().equals(from));
                return false;
            }
            case StoredUnread(var conversation) -> {
                // read before a change event may have arrived: that one is newer and wins
                return unread.putIfAbsent(conversation.peer(), conversation.unread()) == null
                        && conversation.unread() > 0;
            }
            case ChatEvent.ConversationChanged(var conversation) -> {
                Integer before = unread.put(conversation.peer(), conversation.unread());
                return before == null ? conversation.unread() > 0 : before != conversation.unread();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void rebuild() {
        String needle = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        Map<String, List<ContactItem>> byGroup = new TreeMap<>(groupOrder());
        int online = 0;
        List<Contact> contacts = roster.contacts();
        for (Contact c : contacts) {
            PresenceTone tone = PresenceTones.of(roster.presenceOf(c.jid()).availability());
            if (tone != PresenceTone.OFFLINE) {
                online++;
            }
            if (!needle.isEmpty() && !matches(c, needle)) {
                continue;
            }
            for (String group : c.displayGroups()) {
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(item(c, tone, group));
            }
        }
        List<RosterRow> next = new ArrayList<>(contacts.size() + byGroup.size());
        byGroup.forEach((group, items) -> {
            items.sort(Comparator.comparing((ContactItem i) -> i.tone() == PresenceTone.OFFLINE)
                    .thenComparing(i -> sortKey(i.name()))
                    .thenComparing(ContactItem::address));
            boolean expanded = !needle.isEmpty() || !collapsed.contains(group);
            long groupOnline = items.stream().filter(i -> i.tone() != PresenceTone.OFFLINE).count();
            next.add(new RosterRow.GroupRow(group, (int) groupOnline, items.size(), expanded));
            if (expanded) {
                items.forEach(i -> next.add(new RosterRow.ContactRow(i)));
            }
        });
        rows.setAll(next);
        summary.set(contacts.isEmpty() ? "No contacts yet" : online + " of " + contacts.size() + " online");
    }

    private CollationKey sortKey(String name) {
        CollationKey key = sortKeys.get(name);
        if (key == null) {
            if (sortKeys.size() > 50_000) {
                sortKeys.clear(); // names come and go; keep the cache bounded
            }
            key = collator.getCollationKey(name);
            sortKeys.put(name, key);
        }
        return key;
    }

    private static Comparator<String> groupOrder() {
        return Comparator.comparing((String g) -> g.equals(Contact.NO_GROUP)).thenComparing(BY_NAME);
    }

    private static boolean matches(Contact c, String needle) {
        return c.displayName().toLowerCase(Locale.ROOT).contains(needle)
                || c.jid().asBareString().contains(needle);
    }

    private ContactItem item(Contact c, PresenceTone tone, String group) {
        Presence p = roster.presenceOf(c.jid());
        return new ContactItem(c.jid(), c.jid().asBareString(), c.displayName(), tone, p.status(),
                subscriptionNote(c), unread.getOrDefault(c.jid(), 0), group);
    }

    private static String subscriptionNote(Contact c) {
        if (c.awaitingApproval()) {
            return "waiting for approval";
        }
        if (c.subscription() == Subscription.NONE || c.subscription() == Subscription.FROM) {
            return "presence not shared with you";
        }
        return "";
    }

    public void toggle(RosterRow.GroupRow group) {
        if (!collapsed.remove(group.name())) {
            collapsed.add(group.name());
        }
        rebuild();
    }

    public void open(ContactItem contact) {
        openChat.accept(contact.jid());
    }

    /**
     * Adds a contact and asks to see their presence. Returns the reason when the input is not
     * valid (nothing is sent then); a server refusal arrives later in {@link #errorProperty()}.
     */
    public Optional<String> addContact(String address, String name, String group) {
        Jid jid;
        try {
            jid = Jid.parse(address == null ? "" : address.strip());
        } catch (InvalidJidException e) {
            return Optional.of(e.getMessage());
        }
        if (jid.resource() != null) {
            return Optional.of("Leave out the '/" + jid.resource() + "' part: contacts are added by their bare address.");
        }
        if (roster.contact(jid).isPresent()) {
            return Optional.of(jid.asBareString() + " is already in your contacts.");
        }
        Set<String> groups = group == null || group.isBlank() ? Set.of() : Set.of(group.strip());
        report(roster.addContact(jid, name == null ? "" : name.strip(), groups), "add " + jid.asBareString());
        return Optional.empty();
    }

    public void rename(ContactItem contact, String newName) {
        contact(contact).ifPresent(c -> report(roster.rename(c, newName == null ? "" : newName.strip()),
                "rename " + contact.address()));
    }

    public void moveToGroup(ContactItem contact, String group) {
        contact(contact).ifPresent(c -> report(roster.moveToGroup(c, group), "move " + contact.address()));
    }

    public void remove(ContactItem contact) {
        report(roster.remove(contact.jid()), "remove " + contact.address());
    }

    public void accept(RequestItem request) {
        report(roster.approve(request.jid()), "accept " + request.address());
    }

    public void deny(RequestItem request) {
        report(roster.deny(request.jid()), "deny " + request.address());
    }

    /** The groups in use, for the "move to group" choices. */
    public List<String> groupNames() {
        Set<String> names = new TreeSet<>(BY_NAME);
        roster.contacts().forEach(c -> names.addAll(c.groups()));
        return List.copyOf(names);
    }

    public void clearError() {
        error.set("");
    }

    private Optional<Contact> contact(ContactItem item) {
        return roster.contact(item.jid());
    }

    private void report(CompletableFuture<Void> action, String what) {
        action.whenComplete((ok, failure) -> {
            if (failure != null) {
                ui.execute(() -> error.set("Could not " + what + ": " + Failures.messageOf(failure)));
            }
        });
    }

    public ObservableList<RosterRow> rows() {
        return rows;
    }

    public ObservableList<RequestItem> requests() {
        return requests;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
