package im.parley.service.account;

public enum ConnectionState {
    DISCONNECTED, CONNECTING, CONNECTED, RECONNECTING
}
