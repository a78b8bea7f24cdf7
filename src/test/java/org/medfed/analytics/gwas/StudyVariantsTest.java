package org.medfed.analytics.gwas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StudyVariantsTest {

    private static final List<VariantInfo> DESCRIBED = List.of(new VariantInfo("10", 5, "rs1", "A", "G"),
            new VariantInfo("2", 900, "rs2", "C", "T"), new VariantInfo("X", 1, "rs3", "G", "A"),
            new VariantInfo("2", 900, "rs4", "C", "A"), new VariantInfo("2", 40, "rs5", "T", "C"));

    /** Variant i is kept at index 10 i + s by site s, with counts 100 i + k. */
    private static StudyVariants threeSites() {
        VariantColumns described = VariantColumns.of(DESCRIBED);
        StudyVariants.Builder b = new StudyVariants.Builder(3, 1);
        for (int i = 0; i < DESCRIBED.size(); i++) {
            long[] counts = new long[VariantCounts.WIDTH];
            for (int k = 0; k < counts.length; k++) {
                counts[k] = 100L * i + k;
            }
            b.add(described, i, new int[] {10 * i, 10 * i + 1, 10 * i + 2}, counts);
        }
        return b.build();
    }

    @Test
    void givesBackEachVariantAsAdded() {
        StudyVariants variants = threeSites();

        assertThat(variants).hasSize(5);
        StudyVariant third = variants.get(2);
        assertThat(third.info()).isEqualTo(DESCRIBED.get(2));
        assertThat(third.siteIndex()).containsExactly(20, 21, 22);
        assertThat(third.cases()).isEqualTo(new GenotypeTally(200, 201, 202, 203));
        assertThat(third.controls()).isEqualTo(new GenotypeTally(204, 205, 206, 207));
        assertThat(variants.siteIndex(4, 1)).isEqualTo(41);
        assertThat(variants.cases(4)).isEqualTo(new GenotypeTally(400, 401, 402, 403));
    }

    @Test
    void growsPastItsFirstCapacity() {
        VariantColumns described = VariantColumns.of(DESCRIBED);
        StudyVariants.Builder b = new StudyVariants.Builder(2, 0);
        for (int i = 0; i < 50; i++) {
            long[] counts = new long[VariantCounts.WIDTH];
            counts[7] = i;
            b.add(described, i % DESCRIBED.size(), new int[] {i, -i}, counts);
        }

        StudyVariants variants = b.build();

        assertThat(variants).hasSize(50);
        assertThat(variants.get(49).info()).isEqualTo(DESCRIBED.get(4));
        assertThat(variants.get(49).siteIndex()).containsExactly(49, -49);
        assertThat(variants.controls(49).missing()).isEqualTo(49);
    }

    @Test
    void sortsByChromosomeThenPositionThenAlleles() {
        StudyVariants sorted = threeSites().inGenomeOrder();

        // chromosome 2 before 10 before X; at 2:900, alternate allele A before T
        assertThat(sorted).extracting(v -> v.info().id()).containsExactly("rs5", "rs4", "rs2", "rs1", "rs3");
        assertThat(sorted.get(1).siteIndex()).containsExactly(30, 31, 32);
        assertThat(sorted.controls(1)).isEqualTo(new GenotypeTally(304, 305, 306, 307));
    }

    @Test
    void selectsRowsWithAllTheirColumns() {
        StudyVariants picked = threeSites().select(new int[] {3, 1});

        assertThat(picked).extracting(StudyVariant::info).containsExactly(DESCRIBED.get(3), DESCRIBED.get(1));
        assertThat(picked.siteIndex(0, 2)).isEqualTo(32);
        assertThat(picked.cases(1)).isEqualTo(new GenotypeTally(100, 101, 102, 103));
        assertThat(threeSites().select(new int[0])).isEmpty();
    }
}
