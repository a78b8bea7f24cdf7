package org.medfed.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.medfed.engine.BadInputException;

class CoordinatorAddressTest {

    @Test
    void readsNamesAndAddresses() {
        assertThat(CoordinatorAddress.parse("fl.example.org:7443")).isEqualTo(new CoordinatorAddress("fl.example.org", 7443));
        assertThat(CoordinatorAddress.parse("10.1.2.3:443").isIpAddress()).isTrue();
        assertThat(CoordinatorAddress.parse("[2001:db8::1]:7443").host()).isEqualTo("2001:db8::1");
        assertThat(CoordinatorAddress.parse("[2001:db8::1]:7443")).hasToString("[2001:db8::1]:7443");
        assertThat(CoordinatorAddress.parse("localhost:50051").isIpAddress()).isFalse();
    }

    @Test
    void refusesWhatIsNotHostColonPort() {
        for (String bad : new String[] {"", "fl.example.org", "fl.example.org:", ":7443", "fl.example.org:http",
                "fl.example.org:70000", "fl.example.org:0", "2001:db8::1:7443", "[fl.example.org]:7443",
                "fl_example.org:7443", "10.0.0.256:7443", "https://fl.example.org:7443"}) {
            assertThatThrownBy(() -> CoordinatorAddress.parse(bad)).as(bad)
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("is not HOST:PORT");
        }
    }
}
