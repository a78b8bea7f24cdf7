package org.medfed.gui.genotypes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.analytics.gwas.AssociationResult;
import org.medfed.analytics.gwas.VariantInfo;
import org.medfed.report.ManhattanLayout;
import org.medfed.report.QqPoints;

class LayoutAndPointsTest {

    private static AssociationResult result(String chrom, int pos, double p) {
        return new AssociationResult(new VariantInfo(chrom, pos, chrom + "_" + pos, "A", "G"), 0.3, 100, 1.2, 0.1, 4,
                p, Double.isNaN(p) ? Double.NaN : -Math.log10(p), Double.isNaN(p) ? "monomorphic" : "");
    }

    @Test
    void chromosomesFollowEachOtherInGenomeOrderWithAGap() {
        // given out of order, "chr10" after "2", and an untested variant that must not be plotted
        List<AssociationResult> results = List.of(result("10", 500, 0.5), result("2", 100, 1e-9), result("2", 1100, 0.01),
                result("10", 1500, 0.2), result("2", 600, Double.NaN));
        ManhattanLayout layout = AssociationResultsViewModel.layoutOf(results);
        assertThat(layout.size()).isEqualTo(4);
        assertThat(layout.names()).containsExactly("2", "10");
        // chromosome 2 spans 1000 bases, 10 spans 1000; the gap is 1 % of the 2000 plotted
        assertThat(layout.gap()).isEqualTo(20.0);
        assertThat(layout.x(0)).isEqualTo(0.0);
        assertThat(layout.x(1)).isEqualTo(1000.0);
        assertThat(layout.x(2)).isEqualTo(1020.0);
        assertThat(layout.row(0)).isEqualTo(1);
        assertThat(layout.row(3)).isEqualTo(3);
        assertThat(layout.chromosome(2)).isEqualTo(1);
        assertThat(layout.centres()).containsExactly(500.0, 1520.0);
        assertThat(layout.maxY()).isCloseTo(9, within(1e-12));
        assertThat(layout.pointOf(4)).isEqualTo(-1);
        assertThat(layout.series(false).points()).containsExactly(0, 1);
        assertThat(layout.series(true).xy()[0]).containsExactly(1020.0, 2020.0);
    }

    @Test
    void theNearestPointIsMeasuredInPixelsNotInUnits() {
        ManhattanLayout layout = AssociationResultsViewModel.layoutOf(List.of(result("1", 100, 1e-9), result("1", 200, 1e-2)));
        // 1 pixel = 10 bases across, 0.1 -log10 p up: the click at (50, 8.8) (plotted at x 0 and 100) is 5 px from the first point's
        // x and 2 px under it, and 5 px from the second's x but 68 px above it
        assertThat(layout.nearest(50, 8.8, 10, 0.1, 8)).isEqualTo(0);
        assertThat(layout.nearest(50, 5, 10, 0.1, 8)).isEqualTo(-1);
    }

    @Test
    void qqPointsPairTheLargestObservedWithTheLargestExpected() {
        QqPoints qq = QqPoints.of(new double[] {0.1, 3, Double.NaN, 1});
        assertThat(qq.size()).isEqualTo(3);
        assertThat(qq.observed()).containsExactly(3, 1, 0.1);
        assertThat(qq.expected()[0]).isCloseTo(-Math.log10(0.5 / 3), within(1e-12));
        assertThat(qq.expected()[2]).isCloseTo(-Math.log10(2.5 / 3), within(1e-12));
        assertThat(qq.maxExpected()).isEqualTo(qq.expected()[0]);
    }

    @Test
    void sheetHeadersSplitAsTheEngineReadsThem() {
        assertThat(SheetColumns.split("sample_id,disease,\"age, years\"")).containsExactly("sample_id", "disease", "age, years");
        assertThat(SheetColumns.split("id;disease;age")).containsExactly("id", "disease", "age");
        assertThat(SheetColumns.split("id\tdisease")).containsExactly("id", "disease");
        assertThat(SheetColumns.split("\"id\",\"disease\"")).containsExactly("id", "disease");
    }

    @Test
    void aSheetSavedAsExcelsCsvUtf8ListsItsFirstColumnWithoutTheByteOrderMark(@org.junit.jupiter.api.io.TempDir
                                                                            java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path sheet = java.nio.file.Files.writeString(tmp.resolve("pheno.csv"),
                "\uFEFFsample_id,disease\nHA-0001,1\n");
        assertThat(SheetColumns.read(sheet)).containsExactly("sample_id", "disease");
    }
}
