package im.parley.bench;

import java.util.Random;

/**
 * Chat-like bodies of 20–300 characters from a word list with a Zipf-like spread (a few words very common, most
 * rare), plus the planted words the search scenarios look for: a rare word in about 1 in 50,000 messages and a
 * phrase in about 1 in 100.
 */
final class SearchCorpus {

    static final String RARE_WORD = "xylophonist";
    static final String PHRASE = "see you tomorrow";

    private static final String[] WORDS = ("""
            the you to and a i it is that of in for me on have be this my so we just do not but what with are at
            can was if get no yes ok okay will all like know up out there how they good think about now time one
            go your when from see then would really she he her him too well some could more back want today here
            did got right did us been going tomorrow thanks thank lol meeting work home later tonight night day
            week weekend morning call phone message send sent read need make sure sorry great nice cool fine let
            where why who which because maybe also still though again never always soon late early new old first
            last next train bus car walk coffee tea lunch dinner breakfast pizza cake beer wine party birthday
            happy love miss hope feel sick tired busy free ready done start finish talk chat meet friday saturday
            sunday monday tuesday wednesday thursday january february march april summer winter holiday trip
            flight hotel airport station ticket price money pay bank card shop store buy bought order delivery
            package address street city town berlin london paris school class exam homework project deadline
            report slides email calendar invite photo picture video music song concert movie film book game play
            football match score team player win lost cinema theatre museum park beach mountain lake river rain
            snow sun weather cold warm hot doctor appointment dentist pharmacy medicine kids children mum dad
            brother sister family dog cat garden kitchen room house flat rent keys door window computer laptop
            update install password server network internet wifi battery charger screen keyboard mouse printer
            café crème naïve résumé déjà müller straße größe
            """).trim().split("\\s+");

    private final Random random;

    SearchCorpus(long seed) {
        this.random = new Random(seed);
    }

    String nextBody() {
        int target = 20 + random.nextInt(281);
        StringBuilder body = new StringBuilder(target + 16);
        if (random.nextInt(100) == 0) {
            body.append(PHRASE).append(' ');
        }
        if (random.nextInt(50_000) == 0) {
            body.append(RARE_WORD).append(' ');
        }
        while (body.length() < target) {
            String word = WORDS[zipf()];
            if (body.length() + word.length() > 300) {
                break;
            }
            body.append(word).append(random.nextInt(12) == 0 ? ". " : " ");
        }
        String text = body.toString().strip();
        return text.length() >= 20 ? text : text + " and that is all";
    }

    private int zipf() {
        double u = random.nextDouble();
        return Math.min(WORDS.length - 1, (int) (WORDS.length * u * u * u));
    }

    /** A conversation index in [0, count): a few conversations hold most messages. */
    int nextConversation(int count) {
        double u = random.nextDouble();
        return Math.min(count - 1, (int) (count * u * u));
    }

    boolean coin() {
        return random.nextBoolean();
    }
}
