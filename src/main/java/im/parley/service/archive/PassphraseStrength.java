package im.parley.service.archive;

/**
 * How hard a passphrase is to guess: {@code score} 0 (trivial) to 4 (very strong), a short label and advice.
 * {@link #acceptable()} is the floor for creating an archive.
 */
public record PassphraseStrength(int score, String label, String advice) {

    public static final int MINIMUM_SCORE = 3;
    public static final PassphraseStrength EMPTY = new PassphraseStrength(0, "", "");

    public boolean acceptable() {
        return score >= MINIMUM_SCORE;
    }
}
