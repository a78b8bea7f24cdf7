package org.medfed.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medfed.engine.BadInputException;

class AttackSpecTest {

    @Test
    void readsEveryShortForm() {
        assertThat(AttackSpec.parse("sign-flip")).isEqualTo(new AttackSpec(AttackCatalog.kind("sign-flip"), 1, List.of()));
        assertThat(AttackSpec.parse("sign-flip:3")).isEqualTo(AttackSpec.signFlip(3));
        assertThat(AttackSpec.parse("scale:10")).isEqualTo(new AttackSpec(AttackCatalog.kind("scale"), 10, List.of()));
        assertThat(AttackSpec.parse("noise:0.5")).isEqualTo(new AttackSpec(AttackCatalog.kind("noise"), 0.5, List.of()));
        assertThat(AttackSpec.parse("free-ride")).isEqualTo(new AttackSpec(AttackCatalog.kind("free-ride"), 0, List.of()));
        assertThat(AttackSpec.parse("free-ride:0.001")).isEqualTo(AttackSpec.freeRide(0.001));
        assertThat(AttackSpec.parse("label-flip")).isEqualTo(new AttackSpec(AttackCatalog.kind("label-flip"), 0, List.of()));
        assertThat(AttackSpec.parse("label-flip:1,2,0").permutation()).containsExactly(1, 2, 0);
    }

    @Test
    void ignoresCaseAndSpaces() {
        assertThat(AttackSpec.parse("  Scale : 10 ")).isEqualTo(AttackSpec.scale(10));
        assertThat(AttackSpec.parse("LABEL-FLIP: 1, 0")).isEqualTo(AttackSpec.labelFlip(1, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sign-flip", "sign-flip:2.5", "scale:10", "scale:0.5", "noise:0.5", "free-ride",
        "free-ride:0.001", "label-flip", "label-flip:2,0,1"})
    void theTextFormRoundTrips(String text) {
        AttackSpec spec = AttackSpec.parse(text);
        assertThat(spec.toText()).isEqualTo(text);
        assertThat(AttackSpec.parse(spec.toText())).isEqualTo(spec);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "poison         | attack 'poison' is unknown; expected one of: sign-flip or sign-flip:<scale>; scale:<factor>",
        "scale          | attack 'scale' needs a number; write scale:<factor>, such as scale:10",
        "noise          | attack 'noise' needs a number; write noise:<sigma>, such as noise:0.5",
        "scale:abc      | attack 'scale:abc': 'abc' is not a number; write scale:<factor>",
        "scale:         | attack 'scale:' has nothing after ':'; write scale:<factor>",
        "scale:-2       | attack scale: the factor must be a positive number, such as scale:10 (use sign-flip for negative factors); was -2.0",
        "noise:0        | attack noise: sigma must be a positive number, such as noise:0.5; was 0.0",
        "noise:NaN      | attack noise: sigma must be a positive number, such as noise:0.5; was NaN",
        "sign-flip:0    | attack sign-flip: the scale must be a positive number, such as sign-flip:2; was 0.0",
        "free-ride:-1   | attack free-ride: sigma must be 0 or a positive number, such as free-ride:0.001; was -1.0",
        "label-flip:1,1 | label-flip:1,1 is not a permutation: 1 appears twice; every class 0..1 must appear once",
        "label-flip:0,5 | label-flip:0,5 is not a permutation: 5 is outside 0..1",
        "label-flip:1,x | attack 'label-flip:1,x': 'x' is not a class number; write the new label of each class in order, such as label-flip:1,2,0",
        "label-flip:0   | label flipping needs a task with at least 2 classes, this one has 1",
    })
    void explainsWhatIsWrongAndWhatIsExpected(String text, String message) {
        assertThatThrownBy(() -> AttackSpec.parse(text)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void anEmptyTextListsTheForms() {
        assertThatThrownBy(() -> AttackSpec.parse("  ")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no attack given").hasMessageContaining("free-ride");
        assertThatThrownBy(() -> AttackSpec.parse(null)).isInstanceOf(BadInputException.class);
    }

    @Test
    void saysItIsASimulation() {
        assertThat(AttackSpec.parse("scale:5").describe())
                .isEqualTo("simulated attack: sends its trained change multiplied by 5 (model replacement when this "
                        + "equals the number of participants)");
        assertThat(AttackSpec.parse("label-flip").describe()).startsWith("simulated attack: trains on flipped labels");
    }

    @Test
    void onlyLabelFlipChangesData() {
        assertThat(AttackCatalog.kind("label-flip").changesData()).isTrue();
        assertThat(AttackCatalog.kind("scale").changesData()).isFalse();
        assertThatThrownBy(() -> new AttackSpec(AttackCatalog.kind("scale"), 2, List.of(1, 0)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no label permutation");
    }
}
