package im.parley.archive;

import im.parley.service.search.SearchTerms;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Fts5MatchTest {

    @Test
    void everyTermIsBoundToTheBody() {
        assertThat(Fts5Match.of(SearchTerms.parse("caf to \"see you tom"))).isEqualTo(
                "body : \"caf\"* AND body : \"to\" AND body : \"see you tom\"*");
    }

    @Test
    void userTextNamingAColumnStaysWordsOfTheBody() {
        assertThat(Fts5Match.of(SearchTerms.parse("conversation_token:c1"))).isEqualTo(
                "body : \"conversation\"* AND body : \"token\"* AND body : \"c1\"");
    }

    @Test
    void aConversationAddsItsTokenAsTheOnlyOtherColumnCondition() {
        assertThat(Fts5Match.inConversation(SearchTerms.parse("lunch"), 42)).isEqualTo(
                "body : \"lunch\"* AND conversation_token : \"c42\"");
        assertThat(Fts5Match.inConversation(SearchTerms.parse("  "), 42)).isEmpty();
    }
}
