package im.parley.archive;

import im.parley.service.search.SearchTerms;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Fts5MatchTest {

    @Test
    void everyTermIsAQuotedString() {
        assertThat(Fts5Match.of(SearchTerms.parse("caf to \"see you tom"))).isEqualTo(
                "\"caf\"* AND \"to\" AND \"see you tom\"*");
    }

    @Test
    void userTextNamingAColumnStaysWords() {
        assertThat(Fts5Match.of(SearchTerms.parse("conversation_token:c1"))).isEqualTo(
                "\"conversation\"* AND \"token\"* AND \"c1\"");
    }

    @Test
    void aPrivateUseCharacterNeverReachesTheExpression() {
        assertThat(Fts5Match.of(SearchTerms.parse("\uE0001 \uE000\uE0002x"))).isEqualTo("\"1\" AND \"2x\"");
    }

    @Test
    void aPrivateUseCharacterInATermOnlySeparates() {
        SearchTerms terms = new SearchTerms(java.util.List.of(new SearchTerms.Word("\uE0001", true),
                new SearchTerms.Phrase(java.util.List.of("a\uDB80\uDC00b"), false)));
        assertThat(Fts5Match.of(terms)).isEqualTo("\" 1\"* AND \"a b\"");
    }

    @Test
    void aConversationAddsItsTokenAsTheOnlyColumnCondition() {
        assertThat(Fts5Match.inConversation(SearchTerms.parse("lunch"), 42)).isEqualTo(
                "\"lunch\"* AND conversation_token : \"\uE00042\"");
        assertThat(Fts5Match.inConversation(SearchTerms.parse("  "), 42)).isEmpty();
    }
}
