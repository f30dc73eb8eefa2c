package im.parley.service.account;

/** The account's connection moved to a new state; {@code detail} says why when it dropped. */
public record ConnectionStateChanged(ConnectionState state, String detail) {
}
