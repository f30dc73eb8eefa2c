package im.parley.service.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The user's search text read as a small, closed language: plain words, each matched as the start of a word,
 * and {@code "quoted phrases"}, matched as consecutive words; every term must match. Anything that is not a
 * letter or a digit only separates words, so no character the user types has a meaning of its own beyond the
 * double quote; a quote left open makes a phrase of the rest, its last word still being typed (a prefix).
 *
 * <p>A word of fewer than {@link #MIN_PREFIX_CHARS} letters (in alphabetic scripts) matches only as a whole word:
 * "th" as a prefix would match most of an archive and cost a merge of every word it starts, which is slow (seconds
 * on a million messages) and useless. Han, kana and Hangul words keep prefix matching, as one or two of their
 * characters already make a word.
 *
 * <p>Words keep their case and accents here; folding them is the store's job (it must fold exactly as it
 * indexed). At most {@link #MAX_TERMS} terms of at most {@link #MAX_WORD_CHARS} characters are kept: a longer
 * word is shortened to a prefix of itself and further terms are dropped, which can only widen the result.
 */
public record SearchTerms(List<Term> terms) {

    public static final int MAX_TERMS = 16;
    public static final int MAX_WORD_CHARS = 64;
    public static final int MIN_PREFIX_CHARS = 3;

    /** One condition every hit must meet. */
    public sealed interface Term {
    }

    /**
     * A word that matches every indexed word it starts ({@code caf} matches café and Cafeteria), or only itself
     * when {@code prefix} is false (a short word).
     */
    public record Word(String text, boolean prefix) implements Term {

        /** A word as typed: a prefix unless it is too short to be one. */
        public Word(String text) {
            this(text, prefixWorthy(text));
        }

        @Override
        public String toString() {
            return "Word[" + text.length() + " chars" + (prefix ? ", prefix" : "") + "]";
        }
    }

    /** Words that must follow each other; {@code prefixLast} when the last one is still being typed. */
    public record Phrase(List<String> words, boolean prefixLast) implements Term {
        public Phrase {
            words = List.copyOf(words);
        }

        @Override
        public String toString() {
            return "Phrase[" + words.size() + " words" + (prefixLast ? ", prefix" : "") + "]";
        }
    }

    public SearchTerms {
        terms = List.copyOf(terms);
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    public static SearchTerms parse(String text) {
        List<Term> terms = new ArrayList<>();
        if (text == null) {
            return new SearchTerms(terms);
        }
        int i = 0;
        int n = text.length();
        while (i < n && terms.size() < MAX_TERMS) {
            int quote = text.indexOf('"', i);
            int plainEnd = quote < 0 ? n : quote;
            for (String word : words(text.substring(i, plainEnd))) {
                if (terms.size() < MAX_TERMS) {
                    terms.add(new Word(word));
                }
            }
            if (quote < 0) {
                break;
            }
            int close = text.indexOf('"', quote + 1);
            boolean open = close < 0;
            List<String> words = words(text.substring(quote + 1, open ? n : close));
            if (!words.isEmpty() && terms.size() < MAX_TERMS) {
                terms.add(new Phrase(words.subList(0, Math.min(words.size(), MAX_TERMS)), open));
            }
            i = open ? n : close + 1;
        }
        return new SearchTerms(terms);
    }

    /** Runs of letters, digits and their combining marks, each with at least one letter or digit. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean hasAlnum = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean alnum = Character.isLetterOrDigit(cp);
            if (alnum || (isMark(cp) && !word.isEmpty())) {
                if (word.length() < MAX_WORD_CHARS - 1 || (word.length() < MAX_WORD_CHARS && Character.charCount(cp) == 1)) {
                    word.appendCodePoint(cp);
                }
                hasAlnum |= alnum;
            } else {
                flush(words, word, hasAlnum);
                hasAlnum = false;
            }
        }
        flush(words, word, hasAlnum);
        return words;
    }

    private static void flush(List<String> words, StringBuilder word, boolean hasAlnum) {
        if (hasAlnum) {
            words.add(word.toString());
        }
        word.setLength(0);
    }

    static boolean prefixWorthy(String word) {
        if (word.codePointCount(0, word.length()) >= MIN_PREFIX_CHARS) {
            return true;
        }
        return word.codePoints().anyMatch(cp -> switch (Character.UnicodeScript.of(cp)) {
            case HAN, HIRAGANA, KATAKANA, HANGUL -> true;
            default -> false;
        });
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    @Override
    public String toString() {
        return "SearchTerms" + terms;
    }
}
