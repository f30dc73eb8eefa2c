package im.parley.service.search;

import im.parley.service.search.SearchTerms.Phrase;
import im.parley.service.search.SearchTerms.Word;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermsTest {

    private static List<SearchTerms.Term> parse(String text) {
        return SearchTerms.parse(text).terms();
    }

    @Test
    @DisplayName("plain words become prefix words; punctuation and FTS5 operators only separate them")
    void words() {
        assertThat(parse("  Café  au-lait! ")).containsExactly(new Word("Café"), new Word("au"), new Word("lait"));
        assertThat(parse("NEAR(a b) body:c ^d -e f* (g)")).containsExactly(new Word("NEAR"), new Word("a"),
                new Word("b"), new Word("body"), new Word("c"), new Word("d"), new Word("e"), new Word("f"),
                new Word("g"));
    }

    @Test
    @DisplayName("words shorter than three letters match whole words only, except in Han, kana and Hangul")
    void shortWords() {
        assertThat(parse("th caf 日本 한국 ab1")).containsExactly(new Word("th", false), new Word("caf", true),
                new Word("日本", true), new Word("한국", true), new Word("ab1", true));
    }

    @Test
    @DisplayName("quoted text becomes a phrase; an open quote a phrase whose last word is a prefix")
    void phrases() {
        assertThat(parse("x \"quick  brown\" y")).containsExactly(new Word("x"),
                new Phrase(List.of("quick", "brown"), false), new Word("y"));
        assertThat(parse("\"quick bro")).containsExactly(new Phrase(List.of("quick", "bro"), true));
        assertThat(parse("\"\" \"!!\" a")).containsExactly(new Word("a"));
        assertThat(parse("a\"b\"c")).containsExactly(new Word("a"), new Phrase(List.of("b"), false), new Word("c"));
    }

    @Test
    @DisplayName("nothing searchable: blank, punctuation, emoji, lone surrogates, control characters")
    void empty() {
        for (String text : new String[] {null, "", "   ", "\"", "\"\"\"", "!?*()", "😀 👩‍👩‍👧", "\uD800", "\u0000\u0002",
                "\u0301"}) {
            assertThat(SearchTerms.parse(text).isEmpty()).as("%s", text == null ? "null" : text.codePoints().boxed().toList())
                    .isTrue();
        }
    }

    @Test
    @DisplayName("combining marks stay with their letter; RTL and CJK text are words")
    void scripts() {
        assertThat(parse("Cre\u0300me שלום 日本語")).containsExactly(new Word("Cre\u0300me"), new Word("שלום"),
                new Word("日本語"));
    }

    @Test
    @DisplayName("very long input is bounded: words cut to a prefix, at most MAX_TERMS terms")
    void bounded() {
        List<SearchTerms.Term> oneLong = parse("a".repeat(10_000));
        assertThat(oneLong).containsExactly(new Word("a".repeat(SearchTerms.MAX_WORD_CHARS)));

        assertThat(parse("word ".repeat(2_000))).hasSize(SearchTerms.MAX_TERMS);
        assertThat(parse("\"" + "w ".repeat(100))).singleElement()
                .satisfies(t -> assertThat(((Phrase) t).words()).hasSize(SearchTerms.MAX_TERMS));
        assertThat(parse("😀".repeat(5_000) + "x")).containsExactly(new Word("x"));
    }

    @Test
    @DisplayName("toString shows the shape of the query, never its words")
    void toStringHidesText() {
        SearchQuery query = SearchQuery.everywhere("meet at the old mill", 10);
        assertThat(query.toString()).doesNotContain("mill");
        assertThat(query.terms().toString()).doesNotContain("mill").contains("Word");
        assertThat(new SnippetSegment("old mill", true).toString()).doesNotContain("mill");
    }
}
