package im.parley.archive;

import im.parley.service.chat.MessageStore;

import java.time.Clock;

class InMemoryMessageStoreTest extends MessageStoreContract {

    @Override
    protected MessageStore newStore(Clock clock) {
        return new InMemoryMessageStore(clock);
    }
}
