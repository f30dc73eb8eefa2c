package im.parley.service.chat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryStateTest {

    /** The whole transition table: every state and the states it may move to. */
    @ParameterizedTest(name = "{0} may move to [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            PENDING   | SENT DELIVERED FAILED RECEIVED
            SENT      | DELIVERED FAILED
            FAILED    | DELIVERED
            DELIVERED | ''
            RECEIVED  | ''
            """)
    @DisplayName("delivery states only move forward: a late 'sent' or error never hides 'delivered'")
    void transitions(DeliveryState from, String allowed) {
        Set<DeliveryState> expected = allowed.isBlank() ? EnumSet.noneOf(DeliveryState.class)
                : Arrays.stream(allowed.split(" ")).map(DeliveryState::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DeliveryState.class)));

        Set<DeliveryState> actual = EnumSet.noneOf(DeliveryState.class);
        for (DeliveryState next : DeliveryState.values()) {
            if (from.canMoveTo(next)) {
                actual.add(next);
            }
        }

        assertThat(actual).isEqualTo(expected);
    }
}
