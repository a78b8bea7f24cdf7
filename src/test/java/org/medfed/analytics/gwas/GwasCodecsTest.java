package org.medfed.analytics.gwas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.data.vcf.MultiAllelicPolicy;
import org.medfed.data.vcf.PhenotypeKind;
import org.medfed.data.vcf.PhenotypeSpec;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProtocolException;

/** The association study's messages come back exactly as they were sent, doubles bit for bit. */
class GwasCodecsTest {

    /** Doubles that a float, a decimal text or a careless copy would change. */
    private static final double[] AWKWARD = {0.1, -0.0, 1e-320, Double.MAX_VALUE, Math.PI, Double.NaN,
            Double.NEGATIVE_INFINITY, Math.nextUp(1.0)};

    private static final DesignLayout DESIGN = new DesignLayout(List.of("age", "sex; coded 0/1", "PC 1\nline"),
            List.of("hospital-a", "Hôpital B", "c"), true);

    @Test
    void aSitePlanRoundTrips() {
        SitePlan plan = new SitePlan(new PhenotypeSpec("sample id", "disease", PhenotypeKind.BINARY,
                DESIGN.covariates()), 0.95, MultiAllelicPolicy.SKIP, DESIGN, 2);
        assertThat(GwasPrepareCodec.plan(GwasPrepareCodec.request(plan))).isEqualTo(plan);
        SitePlan firstColumnIds = new SitePlan(new PhenotypeSpec(null, "ldl", PhenotypeKind.QUANTITATIVE, List.of()),
                Math.nextDown(0.9), MultiAllelicPolicy.SPLIT, new DesignLayout(List.of(), List.of("only"), false), 0);
        SitePlan back = GwasPrepareCodec.plan(GwasPrepareCodec.request(firstColumnIds));
        assertThat(back).isEqualTo(firstColumnIds);
        assertThat(back.siteName()).isEqualTo("only");
    }

    @Test
    void aPlanForAHospitalTheStudyDoesNotHaveIsRefused() {
        Params bad = GwasPrepareCodec.request(new SitePlan(new PhenotypeSpec("id", "y", PhenotypeKind.BINARY,
                List.of()), 0.9, MultiAllelicPolicy.SPLIT, DESIGN, 1)).toBuilder().number("site_index", 3).build();
        assertThatThrownBy(() -> GwasPrepareCodec.plan(bad)).isInstanceOf(ProtocolException.class)
                .hasMessage("field 'site_index' is 3, but the study has 3 hospitals");
    }

    @Test
    void aSiteSummaryRoundTrips() {
        SiteSummary summary = new SiteSummary("hospital-a", 150, 148, 65, 83,
                "149 of 150 VCF samples have a complete phenotype row\n1 samples ... e.g. HA-0002\n", 1,
                List.of("HA-0001"), 1L << 40, 2000, 3, 1, 4, 5, 6, 7);
        assertThat(GwasPrepareCodec.summary(GwasPrepareCodec.reply(summary))).isEqualTo(summary);
    }

    @Test
    void variantCountsRoundTrip() {
        List<VariantInfo> variants = List.of(new VariantInfo("1", 12345, "rs1", "A", "T"),
                new VariantInfo("chrX", Integer.MAX_VALUE, ".", "ACGT", "A"), new VariantInfo("MT", 1, "", "C", "G"));
        long[] counts = new long[variants.size() * VariantCounts.WIDTH];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = (long) i * 1_000_003L;
        }
        VariantCounts back = GwasCountsCodec.counts(GwasCountsCodec.reply(new VariantCounts(variants, counts)));
        assertThat(back.variants()).isEqualTo(variants);
        assertThat(back.rawCounts()).isEqualTo(counts);

        VariantCounts none = GwasCountsCodec.counts(GwasCountsCodec.reply(new VariantCounts(List.of(), new long[0])));
        assertThat(none.variants()).isEmpty();
    }

    @Test
    void aDecodedVariantListKeepsEachContigAndAlleleOnce() {
        List<VariantInfo> variants = List.of(new VariantInfo(new String("chr22"), 1, "rs1", "A", new String("AT")),
                new VariantInfo(new String("chr22"), 2, "rs2", "A", new String("AT")));
        List<VariantInfo> back = GwasCountsCodec.counts(GwasCountsCodec.reply(new VariantCounts(variants,
                new long[2 * VariantCounts.WIDTH]))).variants();
        assertThat(back).isEqualTo(variants);
        assertThat(back.get(1).chrom()).isSameAs(back.get(0).chrom());
        assertThat(back.get(1).alt()).isSameAs(back.get(0).alt());
        assertThat(back.get(1).ref()).isSameAs(back.get(0).ref());
    }

    @Test
    void countsThatDoNotFitTheVariantsAreRefused() {
        Params reply = GwasCountsCodec.reply(new VariantCounts(List.of(new VariantInfo("1", 5, ".", "A", "C")),
                new long[8]));
        assertThatThrownBy(() -> GwasCountsCodec.counts(reply.toBuilder().longs("counts", new long[7]).build()))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("7 counts for 1 variants");
        assertThatThrownBy(() -> GwasCountsCodec.counts(reply.toBuilder().text("alt", "C\nG").build()))
                .isInstanceOf(ProtocolException.class).hasMessage("field 'alt' holds 2 lines, expected 1");
        Params two = GwasCountsCodec.reply(new VariantCounts(List.of(new VariantInfo("1", 5, ".", "A", "C"),
                new VariantInfo("1", 6, ".", "A", "C")), new long[16]));
        assertThatThrownBy(() -> GwasCountsCodec.counts(two.toBuilder().text("ref", "A").build()))
                .isInstanceOf(ProtocolException.class).hasMessage("field 'ref' holds 1 lines, expected 2");
        // the IDs, which are decoded as bytes rather than Strings, are checked the same way
        assertThatThrownBy(() -> GwasCountsCodec.counts(two.toBuilder().text("id", "rs1").build()))
                .isInstanceOf(ProtocolException.class).hasMessage("field 'id' holds 1 lines, expected 2");
        assertThatThrownBy(() -> GwasCountsCodec.counts(two.toBuilder().text("id", "rs1\nrs2\nrs3").build()))
                .isInstanceOf(ProtocolException.class).hasMessage("field 'id' holds 3 lines, expected 2");
        assertThat(GwasCountsCodec.counts(two.toBuilder().text("id", "r\u00e9\n").build()).variants())
                .extracting(VariantInfo::id).containsExactly("r\u00e9", "");
    }

    @Test
    void aModelRequestRoundTripsBitForBit() {
        ModelRequest request = new ModelRequest(GlmFamily.LOGISTIC, new int[] {ModelRequest.NULL_MODEL, 0, 70_000},
                AWKWARD);
        ModelRequest back = GwasSumsCodec.modelRequest(GwasSumsCodec.request(request));
        assertThat(back.family()).isEqualTo(GlmFamily.LOGISTIC);
        assertThat(back.variants()).containsExactly(ModelRequest.NULL_MODEL, 0, 70_000);
        assertThat(bits(back.betas())).isEqualTo(bits(AWKWARD));
    }

    @Test
    void modelSumsRoundTripBitForBit() {
        DesignLayout small = new DesignLayout(List.of(), List.of("a"), false); // 2 columns, 3 packed
        double[] hessian = {AWKWARD[0], AWKWARD[1], AWKWARD[2], AWKWARD[3], AWKWARD[4], AWKWARD[5]};
        ModelSums sums = new ModelSums(new int[] {148, 0}, hessian, new double[] {AWKWARD[6], AWKWARD[7], 1, 2},
                new double[] {Math.E, -1e300});
        ModelSums back = GwasSumsCodec.sums(GwasSumsCodec.reply(sums), 2, small);
        assertThat(back.n()).containsExactly(148, 0);
        assertThat(bits(back.hessian())).isEqualTo(bits(sums.hessian()));
        assertThat(bits(back.score())).isEqualTo(bits(sums.score()));
        assertThat(bits(back.deviance())).isEqualTo(bits(sums.deviance()));
        assertThatThrownBy(() -> GwasSumsCodec.sums(GwasSumsCodec.reply(sums), 3, small))
                .isInstanceOf(ProtocolException.class).hasMessage("field 'n' holds 2 values, expected 3");
        assertThatThrownBy(() -> GwasSumsCodec.sums(GwasSumsCodec.reply(sums).toBuilder()
                .bytes("score", new byte[12]).build(), 2, small))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("not a whole number of 8-byte doubles");
    }

    private static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.doubleToRawLongBits(values[i]);
        }
        return out;
    }
}
