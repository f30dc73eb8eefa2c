package im.parley.service.account;

import im.parley.service.common.Jid;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginRequestTest {

    private static final Jid ALICE = Jid.parse("alice@example.org");
    private static final String SECRET = "correct horse battery staple";

    @Test
    @DisplayName("toString shows account, server and resource but never the password")
    void toStringHidesPassword() {
        LoginRequest request = new LoginRequest(ALICE, SECRET.toCharArray(),
                Optional.of(new ServerAddress("xmpp.example.org", 5223, true)), "laptop");

        assertThat(request.toString())
                .contains("alice@example.org", "xmpp.example.org", "laptop")
                .doesNotContain(SECRET)
                .doesNotContain("horse")
                .doesNotContainIgnoringCase("password");
    }

    @Test
    @DisplayName("the request keeps its own copy: wiping the caller's array leaves the request usable")
    void constructorCopiesPassword() {
        char[] typed = SECRET.toCharArray();
        LoginRequest request = new LoginRequest(ALICE, typed);

        java.util.Arrays.fill(typed, '\0');

        assertThat(new String(request.password())).isEqualTo(SECRET);
    }

    @Test
    @DisplayName("password() hands out a copy that the caller may wipe without touching the request")
    void accessorReturnsCopy() {
        LoginRequest request = new LoginRequest(ALICE, SECRET.toCharArray());

        char[] first = request.password();
        java.util.Arrays.fill(first, 'x');

        assertThat(request.password()).isNotSameAs(first);
        assertThat(new String(request.password())).isEqualTo(SECRET);
    }

    @Test
    @DisplayName("wipe() overwrites the stored password with NUL characters")
    void wipeClearsPassword() {
        LoginRequest request = new LoginRequest(ALICE, SECRET.toCharArray());

        request.wipe();

        assertThat(request.password()).hasSize(SECRET.length()).containsOnly('\0');
    }

    @Test
    @DisplayName("a missing password becomes an empty one, and missing server and resource get defaults")
    void defaults() {
        LoginRequest request = new LoginRequest(ALICE, null, null, "  ");

        assertThat(request.password()).isEmpty();
        assertThat(request.server()).isEmpty();
        assertThat(request.resource()).isEqualTo("parley");
    }

    @Test
    @DisplayName("the account must be name@domain: no domain-only address, no resource, not null")
    void accountMustBeBareWithLocalPart() {
        assertThatThrownBy(() -> new LoginRequest(Jid.parse("example.org"), SECRET.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An account address has the form name@domain.");
        assertThatThrownBy(() -> new LoginRequest(Jid.parse("alice@example.org/phone"), SECRET.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginRequest(null, SECRET.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("requests are equal only with the same password, compared by content")
    void equalityIncludesPassword() {
        LoginRequest a = new LoginRequest(ALICE, SECRET.toCharArray());
        LoginRequest same = new LoginRequest(ALICE, SECRET.toCharArray());
        LoginRequest other = new LoginRequest(ALICE, "different".toCharArray());

        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(a).isNotEqualTo(other);
    }
}
