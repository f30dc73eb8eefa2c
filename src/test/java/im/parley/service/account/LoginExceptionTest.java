package im.parley.service.account;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class LoginExceptionTest {

    private static final LoginFailure WRONG_PASSWORD = new LoginFailure.WrongPassword();

    @Test
    @DisplayName("failureOf returns the failure of a LoginException itself")
    void direct() {
        assertThat(LoginException.failureOf(new LoginException(WRONG_PASSWORD))).isEqualTo(WRONG_PASSWORD);
    }

    @Test
    @DisplayName("failureOf finds the failure behind CompletionException and ExecutionException wrappers")
    void wrapped() {
        LoginException cause = new LoginException(new LoginFailure.ServerNotFound("example.org"));

        assertThat(LoginException.failureOf(new CompletionException(cause)))
                .isEqualTo(new LoginFailure.ServerNotFound("example.org"));
        assertThat(LoginException.failureOf(new ExecutionException(new CompletionException(cause))))
                .isEqualTo(new LoginFailure.ServerNotFound("example.org"));
    }

    @Test
    @DisplayName("failureOf finds the failure of a future that failed, as join() reports it")
    void fromFuture() {
        CompletableFuture<Void> login = CompletableFuture.supplyAsync(() -> {
            throw new LoginException(WRONG_PASSWORD);
        });

        Throwable thrown = catchThrowable(login::join);

        assertThat(LoginException.failureOf(thrown)).isEqualTo(WRONG_PASSWORD);
    }

    @Test
    @DisplayName("a cancelled future counts as a cancelled login")
    void cancellation() {
        CompletableFuture<Void> login = new CompletableFuture<>();
        login.cancel(true);

        assertThat(LoginException.failureOf(catchThrowable(login::join))).isInstanceOf(LoginFailure.Cancelled.class);
        assertThat(LoginException.failureOf(new CancellationException())).isInstanceOf(LoginFailure.Cancelled.class);
    }

    @Test
    @DisplayName("any other exception is Unexpected, described by the innermost cause, not the wrapper")
    void unexpected() {
        LoginFailure failure = LoginException.failureOf(new CompletionException(new IOException("Broken pipe")));

        assertThat(failure).isEqualTo(new LoginFailure.Unexpected("Broken pipe"));
        assertThat(failure.userMessage()).isEqualTo("Login failed: Broken pipe");
    }

    @Test
    @DisplayName("an exception without message is named by its type rather than by \"null\"")
    void unexpectedWithoutMessage() {
        assertThat(LoginException.failureOf(new IllegalStateException()))
                .isEqualTo(new LoginFailure.Unexpected("IllegalStateException"));
    }

    @Test
    @DisplayName("no exception at all is an unknown error")
    void nullThrowable() {
        assertThat(LoginException.failureOf(null)).isEqualTo(new LoginFailure.Unexpected("unknown error"));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("a circular cause chain does not hang")
    void circularCauses() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);

        assertThat(LoginException.failureOf(a)).isInstanceOf(LoginFailure.Unexpected.class);
    }

    @Test
    @DisplayName("the exception's message is the failure's message for the user")
    void messageIsUserMessage() {
        assertThat(new LoginException(WRONG_PASSWORD)).hasMessage("The password is wrong.");
    }
}
