package im.parley.service.roster;

import im.parley.service.common.Jid;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Records the roster operations the service asks for. Operations succeed at once unless the test
 * sets {@link #nextResult} to a future of its own.
 */
public final class FakeRosterGateway implements RosterGateway {

    public record Added(Jid jid, String name, Set<String> groups) {
    }

    public final List<Added> added = new ArrayList<>();
    public final List<Contact> updated = new ArrayList<>();
    public final List<Jid> removed = new ArrayList<>();
    public final List<Jid> approved = new ArrayList<>();
    public final List<Jid> denied = new ArrayList<>();
    public List<Contact> roster = List.of();
    public CompletableFuture<Void> nextResult;
    private Consumer<RosterEvent> listener;

    /** Delivers an event as the network would: one at a time, in order. */
    public void emit(RosterEvent event) {
        listener.accept(event);
    }

    private CompletableFuture<Void> result() {
        CompletableFuture<Void> result = nextResult != null ? nextResult : CompletableFuture.completedFuture(null);
        nextResult = null;
        return result;
    }

    @Override
    public CompletableFuture<List<Contact>> load() {
        return CompletableFuture.completedFuture(roster);
    }

    @Override
    public CompletableFuture<Void> add(Jid jid, String name, Set<String> groups) {
        added.add(new Added(jid, name, groups));
        return result();
    }

    @Override
    public CompletableFuture<Void> update(Contact contact) {
        updated.add(contact);
        return result();
    }

    @Override
    public CompletableFuture<Void> remove(Jid jid) {
        removed.add(jid);
        return result();
    }

    @Override
    public CompletableFuture<Void> approve(Jid jid) {
        approved.add(jid);
        return result();
    }

    @Override
    public CompletableFuture<Void> deny(Jid jid) {
        denied.add(jid);
        return result();
    }

    @Override
    public void setListener(Consumer<RosterEvent> listener) {
        this.listener = listener;
    }
}
