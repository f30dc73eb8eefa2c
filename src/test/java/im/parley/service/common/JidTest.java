package im.parley.service.common;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JidTest {

    @Nested
    @DisplayName("parse accepts")
    class Valid {

        @Test
        @DisplayName("a bare address and splits it into local part and domain")
        void bareAddress() {
            Jid jid = Jid.parse("alice@example.org");

            assertThat(jid.local()).isEqualTo("alice");
            assertThat(jid.domain()).isEqualTo("example.org");
            assertThat(jid.resource()).isNull();
            assertThat(jid.isBare()).isTrue();
            assertThat(jid).hasToString("alice@example.org");
        }

        @Test
        @DisplayName("a full address and keeps everything after the first '/' as the resource")
        void fullAddress() {
            Jid jid = Jid.parse("alice@example.org/laptop/home@work");

            assertThat(jid.local()).isEqualTo("alice");
            assertThat(jid.domain()).isEqualTo("example.org");
            assertThat(jid.resource()).isEqualTo("laptop/home@work");
            assertThat(jid.isBare()).isFalse();
            assertThat(jid).hasToString("alice@example.org/laptop/home@work");
        }

        @Test
        @DisplayName("a domain-only address (a server or component)")
        void domainOnly() {
            Jid jid = Jid.parse("conference.example.org");

            assertThat(jid.local()).isNull();
            assertThat(jid.domain()).isEqualTo("conference.example.org");
            assertThat(jid.asBareString()).isEqualTo("conference.example.org");
        }

        @Test
        @DisplayName("surrounding whitespace, which it strips")
        void surroundingWhitespace() {
            assertThat(Jid.parse("  alice@example.org \t")).isEqualTo(Jid.bare("alice", "example.org"));
        }

        @Test
        @DisplayName("a domain with a trailing dot, which it drops")
        void trailingDot() {
            assertThat(Jid.parse("alice@example.org.").domain()).isEqualTo("example.org");
        }

        @Test
        @DisplayName("an IPv6 literal as domain")
        void ipv6Literal() {
            assertThat(Jid.parse("alice@[2001:DB8::1]").domain()).isEqualTo("[2001:db8::1]");
            assertThat(Jid.parse("alice@[::ffff:192.0.2.1]").domain()).isEqualTo("[::ffff:192.0.2.1]");
        }

        @Test
        @DisplayName("non-ASCII local parts and domains")
        void internationalised() {
            Jid jid = Jid.parse("jürgen@münchen.example");

            assertThat(jid.local()).isEqualTo("jürgen");
            assertThat(jid.domain()).isEqualTo("münchen.example");
        }

        @Test
        @DisplayName("parts of exactly 1023 UTF-8 bytes")
        void partsAtTheByteLimit() {
            String local = "a".repeat(1023);
            String resource = "é".repeat(511) + "x"; // 2 * 511 + 1 = 1023 bytes

            Jid jid = Jid.parse(local + "@example.org/" + resource);

            assertThat(jid.local()).hasSize(1023);
            assertThat(jid.resource()).isEqualTo(resource);
        }
    }

    @Nested
    @DisplayName("case folding")
    class CaseFolding {

        @Test
        @DisplayName("lower-cases local part and domain so the same account compares equal")
        void localAndDomainFolded() {
            assertThat(Jid.parse("Alice@Example.ORG")).isEqualTo(Jid.parse("alice@example.org"));
            assertThat(Jid.parse("ALICE@EXAMPLE.ORG").asBareString()).isEqualTo("alice@example.org");
        }

        @Test
        @DisplayName("keeps the resource's case: resources are case-sensitive")
        void resourceKept() {
            Jid jid = Jid.parse("alice@example.org/Laptop");

            assertThat(jid.resource()).isEqualTo("Laptop");
            assertThat(jid).isNotEqualTo(Jid.parse("alice@example.org/laptop"));
        }

        @Test
        @DisplayName("does not depend on the default locale (no Turkish dotless i)")
        void localeIndependent() {
            java.util.Locale saved = java.util.Locale.getDefault();
            try {
                java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
                assertThat(Jid.parse("IRIS@EXAMPLE.ORG").asBareString()).isEqualTo("iris@example.org");
            } finally {
                java.util.Locale.setDefault(saved);
            }
        }
    }

    @Nested
    @DisplayName("resource handling")
    class Resources {

        @Test
        @DisplayName("bare() drops the resource and leaves local part and domain")
        void bareDropsResource() {
            Jid full = Jid.parse("alice@example.org/phone");

            assertThat(full.bare()).isEqualTo(Jid.bare("alice", "example.org"));
            assertThat(full.bare().isBare()).isTrue();
        }

        @Test
        @DisplayName("bare() of a bare address is the same object")
        void bareOfBareIsSame() {
            Jid bare = Jid.parse("alice@example.org");

            assertThat(bare.bare()).isSameAs(bare);
        }

        @Test
        @DisplayName("withResource() replaces the resource; an empty one means none")
        void withResource() {
            Jid bare = Jid.parse("alice@example.org");

            assertThat(bare.withResource("tablet")).hasToString("alice@example.org/tablet");
            assertThat(bare.withResource("").isBare()).isTrue();
        }

        @Test
        @DisplayName("the constructor treats empty local part and resource as absent")
        void emptyPartsAreAbsent() {
            Jid jid = new Jid("", "example.org", "");

            assertThat(jid.local()).isNull();
            assertThat(jid.resource()).isNull();
            assertThat(jid).hasToString("example.org");
        }
    }

    @Nested
    @DisplayName("parse rejects")
    class Invalid {

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n"})
        @DisplayName("null, empty and blank text with an example of a valid address")
        void emptyOrBlank(String text) {
            assertThatThrownBy(() -> Jid.parse(text))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessage("Enter an address such as alice@example.org.");
        }

        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                alice@                 | The address has no domain after '@'.
                alice@/phone           | The address has no domain after '@'.
                @example.org           | The name before '@' is empty.
                alice@example.org/     | The resource after '/' is empty.
                alice@example..org     | The domain 'example..org' has an empty label.
                alice@.example.org     | The domain '.example.org' has an empty label.
                al ice@example.org     | The name before '@' may not contain 'a space'.
                al"ice@example.org     | The name before '@' may not contain '"'.
                al<ice@example.org     | The name before '@' may not contain '<'.
                al:ice@example.org     | The name before '@' may not contain ':'.
                a@b@example.org        | The name before '@' may not contain '@'.
                alice@exa mple.org     | The domain may not contain 'a space'.
                alice@exam<ple.org     | The domain may not contain '<'.
                alice@example.org:5222 | The domain may not contain ':'.
                """)
        @DisplayName("a missing domain, an empty part or a forbidden character, saying which")
        void malformed(String text, String message) {
            assertThatThrownBy(() -> Jid.parse(text))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessage(message);
        }

        @Test
        @DisplayName("a domain label longer than 63 characters")
        void longLabel() {
            assertThatThrownBy(() -> Jid.parse("alice@" + "a".repeat(64) + ".org"))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessage("A domain label is longer than 63 characters.");
        }

        @Test
        @DisplayName("control characters in the local part and in the resource")
        void controlCharacters() {
            assertThatThrownBy(() -> Jid.parse("al\u0007ice@example.org"))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessageStartingWith("The name before '@' may not contain");
            assertThatThrownBy(() -> Jid.parse("alice@example.org/ph\u0000one"))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessage("The resource contains a control character.");
        }

        @ParameterizedTest(name = "[{index}] U+{0}")
        @ValueSource(strings = {"202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069",
                "200E", "200F", "061C"})
        @DisplayName("bidi control characters in local part, domain and resource")
        void bidiControls(String hex) {
            String bidi = Character.toString(Integer.parseInt(hex, 16));

            assertThatThrownBy(() -> Jid.parse("ev" + bidi + "il@example.org"))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessage("The name before '@' contains invisible text-direction characters.");
            assertThatThrownBy(() -> Jid.parse("alice@exam" + bidi + "ple.org"))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessage("The domain contains invisible text-direction characters.");
            assertThatThrownBy(() -> Jid.parse("alice@example.org/ph" + bidi + "one"))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessage("The resource contains invisible text-direction characters.");
        }

        @Test
        @DisplayName("an IP literal domain that hides other characters between the brackets")
        void bracketedGarbage() {
            assertThatThrownBy(() -> Jid.parse("alice@[<script>]"))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessage("The domain '[<script>]' is not an IPv6 address.");
            assertThatThrownBy(() -> Jid.parse("alice@[::1 ]"))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessage("The IPv6 address in the domain may not contain 'a space'.");
            assertThatThrownBy(() -> Jid.parse("alice@[::1\u202E]"))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessageStartingWith("The IPv6 address in the domain may not contain");
            assertThatThrownBy(() -> Jid.parse("alice@[]"))
                    .isInstanceOf(InvalidJidException.class);
        }

        @Test
        @DisplayName("a local part longer than 1023 UTF-8 bytes, counting bytes rather than characters")
        void overlongLocal() {
            assertThatThrownBy(() -> Jid.parse("a".repeat(1024) + "@example.org"))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessage("The name before '@' is longer than 1023 bytes.");
            // 512 characters but 1024 bytes
            assertThatThrownBy(() -> Jid.parse("é".repeat(512) + "@example.org"))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessage("The name before '@' is longer than 1023 bytes.");
        }

        @Test
        @DisplayName("a domain longer than 1023 bytes")
        void overlongDomain() {
            String domain = ("a".repeat(60) + ".").repeat(17) + "org"; // 17 * 61 + 3 = 1040 bytes

            assertThatThrownBy(() -> Jid.parse("alice@" + domain))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessage("The domain is longer than 1023 bytes.");
        }

        @Test
        @DisplayName("a resource longer than 1023 bytes")
        void overlongResource() {
            assertThatThrownBy(() -> Jid.parse("alice@example.org/" + "r".repeat(1024)))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessage("The resource is longer than 1023 bytes.");
        }

        @Test
        @DisplayName("a record without domain, even when built directly")
        void constructorNeedsDomain() {
            assertThatThrownBy(() -> new Jid("alice", "", null))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessage("The address has no domain.");
            assertThatThrownBy(() -> new Jid("alice", null, null))
                    .isInstanceOf(InvalidJidException.class);
        }

        @Test
        @DisplayName("with an exception that is an IllegalArgumentException, for callers that only know that")
        void isIllegalArgument() {
            assertThatThrownBy(() -> Jid.parse("@")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("parseAccount")
    class ParseAccount {

        @Test
        @DisplayName("accepts name@domain and folds its case")
        void accepts() {
            assertThat(Jid.parseAccount(" Alice@Example.org ")).isEqualTo(Jid.bare("alice", "example.org"));
        }

        @Test
        @DisplayName("asks for the user name when only a domain is given")
        void needsLocal() {
            assertThatThrownBy(() -> Jid.parseAccount("example.org"))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessage("Include your user name: name@example.org.");
        }

        @Test
        @DisplayName("asks to leave out the resource")
        void noResource() {
            assertThatThrownBy(() -> Jid.parseAccount("alice@example.org/laptop"))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessage("Leave out the '/laptop' part.");
        }

        @Test
        @DisplayName("reports syntax errors before account-specific ones")
        void syntaxFirst() {
            assertThatThrownBy(() -> Jid.parseAccount("alice@"))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessage("The address has no domain after '@'.");
        }
    }

    @Nested
    @DisplayName("problemWith")
    class ProblemWith {

        @Test
        @DisplayName("is empty for a valid address")
        void valid() {
            assertThat(Jid.problemWith("alice@example.org/phone")).isEmpty();
        }

        @Test
        @DisplayName("gives the user-facing message for an invalid address")
        void invalid() {
            assertThat(Jid.problemWith("alice@")).contains("The address has no domain after '@'.");
            assertThat(Jid.problemWith("")).contains("Enter an address such as alice@example.org.");
            assertThat(Jid.problemWith("a b@example.org"))
                    .contains("The name before '@' may not contain 'a space'.");
        }
    }
}
