package org.medfed.gui.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoordinatorHostGuessTest {

    @Test
    void aFullNameIsKeptAShortOneGivesWayToAnAddressOfTheNetwork() {
        assertThat(CoordinatorHostGuess.choose("coordinator.hospital.org", List.of("10.0.0.5")))
                .isEqualTo("coordinator.hospital.org");
        // "vm" is what the computer calls itself: another network cannot resolve it
        assertThat(CoordinatorHostGuess.choose("vm", List.of("10.0.0.5", "192.168.1.9"))).isEqualTo("10.0.0.5");
        assertThat(CoordinatorHostGuess.choose("vm", List.of())).isEqualTo("vm");
    }
}
