package im.parley.service.roster;

import im.parley.service.common.Jid;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Port: the account's roster and presence subscriptions on the server. */
public interface RosterGateway {

    CompletableFuture<List<Contact>> load();

    /** Adds the contact and asks to see their presence. */
    CompletableFuture<Void> add(Jid jid, String name, Set<String> groups);

    CompletableFuture<Void> update(Contact contact);

    CompletableFuture<Void> remove(Jid jid);

    /** Lets {@code jid} see our presence, and asks for theirs when we do not have it yet. */
    CompletableFuture<Void> approve(Jid jid);

    CompletableFuture<Void> deny(Jid jid);

    void setListener(Consumer<RosterEvent> listener);
}
