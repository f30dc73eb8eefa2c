package im.parley.service.common;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Describes a failure for the user by what went wrong, not by the wrappers around it. */
public final class Failures {

    private Failures() {
    }

    public static String messageOf(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && (t instanceof CompletionException || t instanceof ExecutionException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
