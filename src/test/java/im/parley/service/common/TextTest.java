package im.parley.service.common;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTest {

    @ParameterizedTest(name = "[{index}] U+{0}")
    @ValueSource(strings = {"202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069",
            "200E", "200F", "061C"})
    @DisplayName("sanitizeLine removes every bidi override, embedding, isolate and mark")
    void removesBidiControls(String hex) {
        String bidi = Character.toString(Integer.parseInt(hex, 16));

        assertThat(Text.sanitizeLine("Bob" + bidi + "gpj.exe", 100)).isEqualTo("Bobgpj.exe");
        assertThat(Text.containsBidiControl("a" + bidi)).isTrue();
    }

    @Test
    @DisplayName("containsBidiControl is false for ordinary text, including right-to-left letters")
    void ordinaryTextHasNoBidiControl() {
        assertThat(Text.containsBidiControl("Alice שלום مرحبا")).isFalse();
    }

    @Test
    @DisplayName("sanitizeLine turns control characters (newlines, tabs, NUL, ESC) into spaces")
    void controlCharactersBecomeSpaces() {
        assertThat(Text.sanitizeLine("line one\nline\ttwo\u0000three\u001B[31m", 100))
                .isEqualTo("line one line two three [31m");
    }

    @Test
    @DisplayName("sanitizeLine strips surrounding whitespace")
    void strips() {
        assertThat(Text.sanitizeLine("  \n Alice \t", 100)).isEqualTo("Alice");
    }

    @Test
    @DisplayName("sanitizeLine turns null into the empty string")
    void nullIsEmpty() {
        assertThat(Text.sanitizeLine(null, 10)).isEmpty();
    }

    @Test
    @DisplayName("sanitizeLine keeps text of exactly the limit unchanged")
    void exactlyAtLimit() {
        assertThat(Text.sanitizeLine("abcdefghij", 10)).isEqualTo("abcdefghij");
    }

    @Test
    @DisplayName("sanitizeLine cuts longer text to the limit, ending in an ellipsis")
    void truncates() {
        String result = Text.sanitizeLine("abcdefghijk", 10);

        assertThat(result).isEqualTo("abcdefghi…");
        assertThat(result).hasSize(10);
    }

    @Test
    @DisplayName("sanitizeLine does not count removed bidi characters towards the limit")
    void removedCharactersDoNotCount() {
        assertThat(Text.sanitizeLine("abc\u200E", 3)).isEqualTo("abc");
        assertThat(Text.sanitizeLine("\u202Eabc", 3)).isEqualTo("abc");
    }

    @Test
    @DisplayName("sanitizeLine does not let leading or trailing blanks use up the limit")
    void blanksDoNotUseUpTheLimit() {
        assertThat(Text.sanitizeLine("      abc", 3)).isEqualTo("abc");
        assertThat(Text.sanitizeLine("abc      ", 3)).isEqualTo("abc");
        assertThat(Text.sanitizeLine("abc      d", 3)).isEqualTo("ab…");
    }

    @Test
    @DisplayName("sanitizeLine never cuts a surrogate pair (emoji) in half")
    void keepsSurrogatePairsWhole() {
        String result = Text.sanitizeLine("ab\uD83D\uDE00cdef", 4); // "ab😀cdef"

        assertThat(result).isEqualTo("ab…");
        assertThat(result.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)).isTrue();
    }

    @Test
    @DisplayName("sanitizeLine with a limit of 1 shows only the ellipsis for longer text")
    void limitOfOne() {
        assertThat(Text.sanitizeLine("ab", 1)).isEqualTo("…");
        assertThat(Text.sanitizeLine("a", 1)).isEqualTo("a");
    }

    @Test
    @DisplayName("sanitizeLine refuses a limit below 1 (a programming error)")
    void refusesZeroLimit() {
        assertThatThrownBy(() -> Text.sanitizeLine("abc", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
