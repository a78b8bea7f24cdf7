package org.medfed.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.engine.protocol.Procedure;

/** Which steps of the catalogue each kind of data serves: a step made for one kind is not served for the others. */
class DataKindTest {

    private static final List<Procedure> GENOTYPE_STEPS = List.of(Procedure.GWAS_PREPARE, Procedure.GWAS_COUNTS,
            Procedure.GWAS_SUMS);

    @Test
    void theAssociationStudysStepsAreServedForGenotypesOnly() {
        assertThat(DataKind.GENOTYPES.procedures()).containsAll(GENOTYPE_STEPS);
        assertThat(DataKind.TABLE.procedures()).doesNotContainAnyElementsOf(GENOTYPE_STEPS);
        assertThat(DataKind.IMAGES.procedures()).doesNotContainAnyElementsOf(GENOTYPE_STEPS);
    }

    @Test
    void tableStepsAreServedForTablesAndGenotypes() {
        List<Procedure> tableSteps = java.util.Arrays.stream(Procedure.values()).filter(p -> p.id().startsWith("table."))
                .toList();
        assertThat(tableSteps).contains(Procedure.TABLE_OPEN, Procedure.TABLE_MOMENTS);
        assertThat(DataKind.TABLE.procedures()).containsAll(tableSteps);
        assertThat(DataKind.GENOTYPES.procedures()).containsAll(tableSteps).contains(Procedure.MODEL_OPEN);
        assertThat(DataKind.IMAGES.procedures()).doesNotContainAnyElementsOf(tableSteps);
    }

    @Test
    void imageStepsAreServedForImagesOnlyAndModelOpenForTablesAndImages() {
        List<Procedure> imageSteps = List.of(Procedure.IMAGES_OPEN, Procedure.IMAGES_SUMMARY);
        assertThat(DataKind.IMAGES.procedures()).containsAll(imageSteps).contains(Procedure.MODEL_OPEN);
        assertThat(DataKind.TABLE.procedures()).doesNotContainAnyElementsOf(imageSteps).contains(Procedure.MODEL_OPEN);
        assertThat(DataKind.GENOTYPES.procedures()).doesNotContainAnyElementsOf(imageSteps);
    }

    @Test
    void stepsOnAModelAreServedForEveryKind() {
        for (DataKind kind : DataKind.values()) {
            assertThat(kind.procedures()).contains(Procedure.TRAIN, Procedure.EVALUATE, Procedure.SECAGG_MASK,
                    Procedure.DP_CLIP_NOISE);
        }
    }
}
