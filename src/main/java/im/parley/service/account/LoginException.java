package im.parley.service.account;

/** Completes a login future exceptionally with the reason. */
public final class LoginException extends RuntimeException {

    /** Cause chains can be made circular with {@code initCause}; stop somewhere. */
    private static final int MAX_CAUSE_DEPTH = 32;

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

    /**
     * Finds the login failure behind a future's exception, wrapped or not. Anything else becomes
     * {@link LoginFailure.Unexpected} described by its innermost cause (not by a wrapper such as
     * {@code CompletionException}, whose message is the class name of what it wraps).
     */
    public static LoginFailure failureOf(Throwable t) {
        Throwable innermost = t;
        int depth = 0;
        for (Throwable c = t; c != null && depth < MAX_CAUSE_DEPTH; c = c.getCause(), depth++) {
            if (c instanceof LoginException le) {
                return le.failure();
            }
            if (c instanceof java.util.concurrent.CancellationException) {
                return new LoginFailure.Cancelled();
            }
            innermost = c;
        }
        if (innermost == null) {
            return new LoginFailure.Unexpected("unknown error");
        }
        String message = innermost.getMessage();
        return new LoginFailure.Unexpected(message == null || message.isBlank()
                ? innermost.getClass().getSimpleName() : message);
    }
}
