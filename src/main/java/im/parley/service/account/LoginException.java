package im.parley.service.account;

/** Completes a login future exceptionally with the reason. */
public final class LoginException extends RuntimeException {

    private final transient LoginFailure failure;

    public LoginException(LoginFailure failure, Throwable cause) {
        super(failure.userMessage(), cause);
        this.failure = failure;
    }

    public LoginException(LoginFailure failure) {
        this(failure, null);
    }

    public LoginFailure failure() {
        return failure;
    }

    /** Finds the login failure behind a future's exception, wrapped or not. */
    public static LoginFailure failureOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof LoginException le) {
                return le.failure();
            }
            if (c instanceof java.util.concurrent.CancellationException) {
                return new LoginFailure.Cancelled();
            }
        }
        return new LoginFailure.Unexpected(t == null ? "unknown error" : String.valueOf(t.getMessage()));
    }
}
