package im.parley.service.archive;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;

import java.util.List;

/** Rates passphrases with zxcvbn (dictionary, keyboard-pattern and repeat aware), never keeping the text. */
public final class PassphraseMeter {

    /** zxcvbn's cost grows with length; beyond this it is strong by length alone and only the prefix is rated. */
    private static final int RATED_CHARS = 100;
    private static final List<String> LABELS = List.of("Very weak", "Weak", "Fair", "Strong", "Very strong");

    private final Zxcvbn zxcvbn = new Zxcvbn();

    public PassphraseStrength rate(CharSequence passphrase, List<String> userInputs) {
        if (passphrase.isEmpty()) {
            return PassphraseStrength.EMPTY;
        }
        CharSequence rated = passphrase.length() > RATED_CHARS ? passphrase.subSequence(0, RATED_CHARS) : passphrase;
        Strength strength = zxcvbn.measure(rated, userInputs);
        try {
            int score = Math.clamp(strength.getScore(), 0, 4);
            return new PassphraseStrength(score, LABELS.get(score), advice(strength, score));
        } finally {
            strength.wipe();
        }
    }

    private static String advice(Strength strength, int score) {
        if (score >= PassphraseStrength.MINIMUM_SCORE) {
            return "Good. Nobody can reset it for you: keep it somewhere safe.";
        }
        var feedback = strength.getFeedback();
        String warning = feedback.getWarning() == null ? "" : feedback.getWarning().strip();
        String suggestion = feedback.getSuggestions().isEmpty() ? "" : feedback.getSuggestions().getFirst().strip();
        String text = (warning + " " + suggestion).strip();
        return text.isEmpty() ? "Add more words or characters: a few unrelated words work well." : text;
    }
}
