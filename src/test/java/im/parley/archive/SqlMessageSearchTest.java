package im.parley.archive;

import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.DeliveryState;
import im.parley.service.chat.Direction;
import im.parley.service.common.Jid;
import im.parley.service.search.SearchHit;
import im.parley.service.search.SearchQuery;
import im.parley.service.search.SnippetSegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Search on the real SQLCipher driver over a temp archive, filled through {@link SqlMessageStore}. */
class SqlMessageSearchTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Jid ALICE = Jid.parse("alice@example.org");
    private static final Jid BOB = Jid.parse("bob@example.org");
    private static final Jid CAROL = Jid.parse("carol@example.org");
    private static final Jid DAVE = Jid.parse("dave@example.org");

    private final TestArchive archive = new TestArchive();
    private final SqlMessageStore store = new SqlMessageStore(archive.database, ALICE, Clock.fixed(NOW, ZoneOffset.UTC));
    private final SqlMessageSearch search = new SqlMessageSearch(archive.database, ALICE);
    private int counter;

    @AfterEach
    void closeArchive() throws Exception {
        search.close();
        archive.close();
    }

    private String add(Jid peer, String body) {
        return add(peer, body, NOW.minus(Duration.ofMinutes(1_000 - counter)));
    }

    private String add(Jid peer, String body, Instant at) {
        String id = "m" + (++counter);
        store.append(new ChatMessage(id, peer, Direction.INCOMING, peer.withResource("phone"), body, at,
                DeliveryState.RECEIVED, null, null, null));
        return id;
    }

    private List<SearchHit> find(String text) {
        return search.search(SearchQuery.everywhere(text, 50));
    }

    private List<String> ids(String text) {
        return find(text).stream().map(SearchHit::messageId).toList();
    }

    @Test
    @DisplayName("each plain word matches as the start of a word: 'caf' finds café and Cafeteria, not 'decaf'")
    void prefix() {
        String cafe = add(BOB, "Meet at the café?");
        String cafeteria = add(BOB, "Cafeteria is closed");
        add(BOB, "decaf only");

        assertThat(ids("caf")).containsExactlyInAnyOrder(cafe, cafeteria);
        assertThat(ids("CAF")).containsExactlyInAnyOrder(cafe, cafeteria);
    }

    @Test
    @DisplayName("a word of one or two letters matches only that word, not every word it starts")
    void shortWordsAreWholeWords() {
        String the = add(BOB, "the theatre at 7");
        String th = add(BOB, "th is not a word");

        assertThat(ids("th")).containsExactly(th);
        assertThat(ids("the")).containsExactly(the);
        assertThat(ids("7")).containsExactly(the);
        assertThat(ids("thea")).containsExactly(the);
    }

    @Test
    @DisplayName("every plain word must match, in any order")
    void allWordsMustMatch() {
        String both = add(BOB, "the train to Berlin leaves at nine");
        add(BOB, "the train is late");
        add(BOB, "Berlin is cold");

        assertThat(ids("berlin train")).containsExactly(both);
        assertThat(ids("train berl")).containsExactly(both);
    }

    @Test
    @DisplayName("case and accents do not matter either way: 'creme' finds Crème, 'CRÈME' finds creme")
    void diacriticsAndCase() {
        String accented = add(BOB, "Crème brûlée for dessert");
        String plain = add(BOB, "creme brulee again");
        String decomposed = add(BOB, "Cre\u0300me (decomposed)");

        assertThat(ids("creme")).containsExactlyInAnyOrder(accented, plain, decomposed);
        assertThat(ids("CRÈME BRÛLÉE")).containsExactlyInAnyOrder(accented, plain);
        assertThat(ids("Straße")).isEmpty();
    }

    @Test
    @DisplayName("a quoted phrase matches those words in that order only; other words still must match too")
    void phrase() {
        String inOrder = add(BOB, "the quick brown fox");
        add(BOB, "brown and quick");
        String alsoFox = add(CAROL, "quick brown dogs and a fox");

        assertThat(ids("\"quick brown\"")).containsExactlyInAnyOrder(inOrder, alsoFox);
        assertThat(ids("\"brown quick\"")).isEmpty();
        assertThat(ids("\"quick brown\" dog")).containsExactly(alsoFox);
        assertThat(ids("\"quick bro")).as("an open quote: a phrase whose last word is being typed")
                .containsExactlyInAnyOrder(inOrder, alsoFox);
        assertThat(ids("\"quick bro\"")).as("a closed phrase matches whole words").isEmpty();
    }

    @Test
    @DisplayName("a search in one conversation finds nothing of the others")
    void perConversation() {
        String bobs = add(BOB, "lunch tomorrow?");
        String carols = add(CAROL, "lunch was great");

        assertThat(search.search(SearchQuery.in(BOB, "lunch", 50))).extracting(SearchHit::messageId).containsExactly(bobs);
        assertThat(search.search(SearchQuery.in(CAROL.withResource("x"), "lunch", 50)))
                .extracting(SearchHit::messageId).containsExactly(carols);
        assertThat(search.search(SearchQuery.in(DAVE, "lunch", 50))).isEmpty();
        assertThat(ids("lunch")).containsExactlyInAnyOrder(bobs, carols);
    }

    @Test
    @DisplayName("text that looks like a filter on the conversation column is searched as words of the body")
    void conversationColumnCannotBeInjected() {
        String bobs = add(BOB, "lunch tomorrow?");
        add(CAROL, "lunch was great");
        String daves = add(DAVE, "lunch or conversation_token c1 c2 c3");

        for (String text : List.of("lunch conversation_token:c1", "lunch conversation_token:c2",
                "lunch conversation_token : \"c2\"", "lunch OR conversation_token:c2", "lunch) OR (c2",
                "lunch\" conversation_token:\"c2", "{conversation_token}: c2 lunch", "lunch c2")) {
            assertThat(search.search(SearchQuery.in(BOB, text, 50))).as(text)
                    .extracting(SearchHit::conversation).doesNotContain(CAROL, DAVE);
            assertThat(search.search(SearchQuery.in(DAVE, text, 50))).as(text).extracting(SearchHit::messageId)
                    .containsExactly(daves);
        }
        assertThat(search.search(SearchQuery.in(BOB, "lunch", 50))).extracting(SearchHit::messageId)
                .containsExactly(bobs);
    }

    @Test
    @DisplayName("no search text matches the conversation token the index holds for each message")
    void conversationTokensAreNotWords() {
        add(BOB, "lunch tomorrow?");
        add(CAROL, "lunch was great");
        String named = add(DAVE, "meet in room 2");

        for (String text : List.of("1", "3", "c1", "\uE0001", "\uE000", "\uE0001*", "\"\uE0001\"", "\uF8FF1",
                "\uDB80\uDC001")) {
            assertThat(ids(text)).as(text).isEmpty();
            assertThat(search.search(SearchQuery.in(BOB, text, 50))).as(text).isEmpty();
        }
        assertThat(ids("2")).containsExactly(named);
    }

    @Test
    @DisplayName("a corrected message is found by its new text in its conversation, not by the old one")
    void correctedInConversation() throws Exception {
        String id = add(BOB, "lunch at noon");
        archive.database.write(c -> {
            try (var update = c.prepareStatement("UPDATE message SET body = 'dinner at eight' WHERE local_id = ?")) {
                update.setString(1, id);
                return update.executeUpdate();
            }
        });

        assertThat(search.search(SearchQuery.in(BOB, "lunch", 50))).isEmpty();
        assertThat(search.search(SearchQuery.in(BOB, "dinn", 50))).extracting(SearchHit::messageId).containsExactly(id);
        archive.database.write(c -> {
            try (var check = c.createStatement()) {
                return check.execute("INSERT INTO message_text (message_text, rank) VALUES ('integrity-check', 1)");
            }
        });
    }

    @Test
    @DisplayName("another account's messages in the same archive never match, even in the same conversation")
    void perAccount() {
        String mine = add(BOB, "secret recipe for alice");
        SqlMessageStore carolsStore = new SqlMessageStore(archive.database, CAROL, Clock.systemUTC());
        carolsStore.append(new ChatMessage("c1", BOB, Direction.INCOMING, BOB, "secret recipe for carol", NOW,
                DeliveryState.RECEIVED, null, null, null));

        assertThat(ids("secret recipe")).containsExactly(mine);
        assertThat(search.search(SearchQuery.in(BOB, "carol", 50))).isEmpty();
        try (SqlMessageSearch carols = new SqlMessageSearch(archive.database, CAROL)) {
            assertThat(carols.search(SearchQuery.everywhere("secret", 50))).extracting(SearchHit::messageId)
                    .containsExactly("c1");
        }
    }

    @Test
    @DisplayName("a hit says where it is, who wrote it and when, with the matching words highlighted in the snippet")
    void hitAndSnippet() {
        Instant at = Instant.parse("2026-11-30T08:15:30.123456789Z");
        String id = add(BOB, "Shall we meet\nat the Café Central on Friday?", at);

        SearchHit hit = find("cafe fri").getFirst();

        assertThat(hit.conversation()).isEqualTo(BOB);
        assertThat(hit.messageId()).isEqualTo(id);
        assertThat(hit.direction()).isEqualTo(Direction.INCOMING);
        assertThat(hit.sender()).isEqualTo(BOB.withResource("phone"));
        assertThat(hit.timestamp()).isEqualTo(at);
        assertThat(hit.snippet()).containsExactly(
                new SnippetSegment("Shall we meet at the ", false),
                new SnippetSegment("Café", true),
                new SnippetSegment(" Central on ", false),
                new SnippetSegment("Friday", true),
                new SnippetSegment("?", false));
        assertThat(hit.toString()).doesNotContain("Café").doesNotContain("Friday");
    }

    @Test
    @DisplayName("a long body is cut around the match, with an ellipsis where text was left out")
    void longBodySnippet() {
        String filler = IntStream.range(0, 60).mapToObj(i -> "word" + i).reduce((a, b) -> a + " " + b).orElseThrow();
        add(BOB, filler + " needle " + filler);

        SearchHit hit = find("needle").getFirst();

        assertThat(hit.snippet()).filteredOn(SnippetSegment::highlighted).extracting(SnippetSegment::text)
                .containsExactly("needle");
        assertThat(hit.snippetText()).startsWith("…").endsWith("…");
        assertThat(hit.snippetText().split(" ")).hasSizeLessThanOrEqualTo(SqlMessageSearch.SNIPPET_TOKENS + 1);
    }

    @Test
    @DisplayName("control characters in a stored body cannot fake a highlight; they show as spaces")
    void controlCharactersInBody() {
        add(BOB, "\u0002fake\u0003 \u0004x\u0003 real target\u0001");

        SearchHit hit = find("target").getFirst();

        assertThat(hit.snippet()).filteredOn(SnippetSegment::highlighted).extracting(SnippetSegment::text)
                .containsExactly("target");
        assertThat(hit.snippetText()).doesNotContainPattern("\\p{Cntrl}").contains("fake");
    }

    @Test
    @DisplayName("best match first (bm25); equally good matches newest first")
    void ordering() {
        String older = add(BOB, "pizza tonight", NOW.minus(Duration.ofDays(2)));
        String newer = add(CAROL, "pizza tonight", NOW.minus(Duration.ofDays(1)));
        String best = add(DAVE, "pizza pizza pizza", NOW.minus(Duration.ofDays(3)));
        String weak = add(BOB, "we could have pizza or maybe pasta or salad or soup tonight or tomorrow",
                NOW.minus(Duration.ofHours(1)));

        assertThat(ids("pizza")).containsExactly(best, newer, older, weak);
    }

    @Test
    @DisplayName("beyond the candidate window only the most recent matches are ranked, counted within the scope")
    void candidateWindow() {
        String oldBest = add(BOB, "tea tea tea");
        List<String> bobs = IntStream.range(0, 6).mapToObj(i -> add(BOB, "tea with some more words " + i)).toList();
        String carols = add(CAROL, "tea");

        try (SqlMessageSearch windowed = new SqlMessageSearch(archive.database, ALICE, 1, 5)) {
            List<String> everywhere = windowed.search(SearchQuery.everywhere("tea", 50)).stream()
                    .map(SearchHit::messageId).toList();
            assertThat(everywhere).hasSize(5).doesNotContain(oldBest).startsWith(carols);
            assertThat(windowed.search(SearchQuery.in(BOB, "tea", 50))).extracting(SearchHit::messageId)
                    .containsExactlyInAnyOrderElementsOf(bobs.subList(1, 6));
        }
        assertThat(ids("tea")).as("the default window holds them all").hasSize(8).startsWith(oldBest);
    }

    @Test
    @DisplayName("no more hits than the limit")
    void limit() {
        for (int i = 0; i < 30; i++) {
            add(BOB, "status report " + i);
        }

        assertThat(search.search(SearchQuery.everywhere("report", 10))).hasSize(10);
        assertThat(search.search(SearchQuery.everywhere("report", 1_000))).hasSize(30);
    }

    @Test
    @DisplayName("a retracted message is not found")
    void retracted() throws Exception {
        String kept = add(BOB, "keep this invoice");
        String gone = add(BOB, "delete this invoice");
        archive.database.write(c -> {
            try (var update = c.prepareStatement("UPDATE message SET retracted = 1 WHERE local_id = ?")) {
                update.setString(1, gone);
                return update.executeUpdate();
            }
        });

        assertThat(ids("invoice")).containsExactly(kept);
    }

    @Test
    @DisplayName("a message stored after the search was opened is found (readers see the writer's commits)")
    void seesNewCommits() {
        add(BOB, "first ping");
        assertThat(ids("ping")).hasSize(1);

        add(BOB, "second ping");

        assertThat(ids("ping")).hasSize(2);
    }

    @Test
    @DisplayName("searches run in parallel on reader connections while the writer keeps writing")
    void parallelReadersBesideTheWriter() throws Exception {
        for (int i = 0; i < 50; i++) {
            add(BOB, "parallel message " + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> counts = IntStream.range(0, 8)
                    .mapToObj(i -> pool.submit(() -> find("parallel").size())).toList();
            for (int i = 0; i < 20; i++) {
                add(CAROL, "write while reading " + i);
            }
            for (Future<Integer> count : counts) {
                assertThat(count.get()).isEqualTo(50);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("after close the search fails with a clear error, not an SQL one")
    void closed() {
        add(BOB, "anything");
        search.close();

        assertThatCode(() -> find("anything")).isInstanceOf(ArchiveException.class)
                .hasMessageContaining("search could not be run").hasNoCause();
    }

    static Stream<String> hostileInput() {
        return Stream.of("\"", "\"\"", "\"\"\"", "*", "**", "caf*", "*caf", "(", ")", "(hello", "hello)", "()",
                ":", "body:", "body:hello", "message_text:hello", "^", "^hello", "-", "-hello", "hello -world", "+",
                "AND", "OR", "NOT", "NEAR", "hello AND", "OR hello", "NOT hello", "hello NOT world",
                "NEAR(hello world)", "NEAR(hello world, 2)", "hello NEAR/2 world", "{body}: hello", "[", "]",
                "hello\"world", "\"unbalanced", "unbalanced\"", "\"a\" \"b", "'", "''", "'; DROP TABLE message; --",
                "%", "_", "\\", "\\\"", ".", "...", "!!!", "?!", "#$%&", "\u0000", "\u0000hello", "\u0002\u0003",
                "\t\n\r", "   ", "", "😀", "😀 hello", "hello😀world", "👩‍👩‍👧", "🇩🇪", "שלום", "مرحبا بالعالم",
                "\u202Ehello\u202C", "\u200Bhello", "日本語", "\uD800", "\uDFFF hello", "a".repeat(10_000),
                "hello ".repeat(2_000), "\"".repeat(10_000), "(".repeat(10_000), "x* ".repeat(3_000),
                "\"hello world\" AND (x OR y) NOT z* NEAR(a b) ^c body:d -e");
    }

    @ParameterizedTest
    @MethodSource("hostileInput")
    @DisplayName("whatever the user types, the search gives hits or an empty list, never an SQL error")
    void hostileInputNeverFails(String text) {
        add(BOB, "hello world and more; NEAR or NOT body text x y z a b c d e");
        add(BOB, "שלום עולם, مرحبا بالعالم, 日本語 😀");

        assertThatCode(() -> find(text)).doesNotThrowAnyException();
        assertThatCode(() -> search.search(SearchQuery.in(BOB, text, 5))).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("FTS5 keywords and syntax characters are searched as plain words")
    void syntaxIsPlainText() {
        String hello = add(BOB, "hello world and more; NEAR or NOT body text");
        String rtl = add(BOB, "שלום עולם, مرحبا بالعالم");
        String cjk = add(BOB, "日本語 😀");

        assertThat(ids("AND")).containsExactly(hello);
        assertThat(ids("near not")).containsExactly(hello);
        assertThat(ids("NEAR(hello world)")).containsExactly(hello);
        assertThat(ids("body:hello")).containsExactly(hello);
        assertThat(ids("-hello ^world*")).containsExactly(hello);
        assertThat(ids("(hello")).containsExactly(hello);
        assertThat(ids("hello\"world")).containsExactly(hello);
        assertThat(ids("'; DROP TABLE message; --")).isEmpty();
        assertThat(ids("שלו")).containsExactly(rtl);
        assertThat(ids("بالعالم")).containsExactly(rtl);
        assertThat(ids("日本")).containsExactly(cjk);
        assertThat(ids("😀")).as("emoji are not indexed as words").isEmpty();
        assertThat(ids("!!!")).isEmpty();
        assertThat(ids("\"")).isEmpty();
        assertThat(ids("h".repeat(10_000))).isEmpty();
        assertThat(ids("hello ".repeat(2_000))).containsExactly(hello);
        assertThat(find("hello")).singleElement().satisfies(h -> assertThat(h.conversation()).isEqualTo(BOB));
    }
}
