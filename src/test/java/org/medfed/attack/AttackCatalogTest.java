package org.medfed.attack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttackCatalogTest {

    /** The hospitals table offers every kind of the catalogue, so a new attack needs no GUI list of its own. */
    @Test
    void offersNoneAndEveryKindsReadyMadeSetting() {
        assertThat(AttackCatalog.offeredTexts()).hasSize(AttackCatalog.all().size() + 1).startsWith("none");
        for (AttackKind k : AttackCatalog.all()) {
            assertThat(AttackCatalog.offeredTexts()).contains(k.offered());
            assertThat(AttackSpec.parse(k.offered()).kind()).isSameAs(k);
            assertThat(AttackCatalog.label(k.offered())).isEqualTo(k.offeredLabel());
            assertThat(AttackCatalog.fromLabel(k.offeredLabel())).isEqualTo(k.offered());
            assertThat(AttackCatalog.problem(k.offered())).isNull();
        }
        assertThat(AttackCatalog.all().stream().map(AttackKind::offeredLabel).distinct()).hasSize(
                AttackCatalog.all().size());
    }

    @Test
    void otherStrengthsAreShownAsWrittenAndNonsenseIsExplained() {
        assertThat(AttackCatalog.label("scale:4")).isEqualTo("scale:4");
        assertThat(AttackCatalog.label(" none ")).isEqualTo("none");
        assertThat(AttackCatalog.isAttack(null)).isFalse();
        assertThat(AttackCatalog.problem("scale")).contains("needs a number");
    }
}
