package org.medfed.analytics.gwas;

import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProtocolException;

/**
 * The {@code gwas.sums} step as protocol messages: the coordinator's {@link ModelRequest} (the family, the
 * hospital's own variant indices, the coefficients) and the hospital's {@link ModelSums}. Coefficients and sums
 * travel as blocks of doubles ({@link DoubleBlock}), indices and counts as 64-bit integers, so that the sums added
 * at the coordinator are bit for bit those of the hospital.
 */
final class GwasSumsCodec {

    private static final String FAMILY = "family";
    private static final String VARIANTS = "variants";
    private static final String BETAS = "betas";
    private static final String N = "n";
    private static final String HESSIAN = "hessian";
    private static final String SCORE = "score";
    private static final String DEVIANCE = "deviance";

    private GwasSumsCodec() {
    }

    static Params request(ModelRequest r) {
        return Params.builder().text(FAMILY, r.family().name()).longs(VARIANTS, GwasFields.longs(r.variants()))
                .bytes(BETAS, DoubleBlock.encode(r.betas())).build();
    }

    static ModelRequest modelRequest(Params p) {
        String family = p.text(FAMILY);
        GlmFamily f;
        try {
            f = GlmFamily.valueOf(family);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("field '" + FAMILY + "' is '" + family + "', expected LOGISTIC or LINEAR");
        }
        return new ModelRequest(f, GwasFields.ints(p, VARIANTS), DoubleBlock.decode(p.bytes(BETAS), BETAS));
    }

    static Params reply(ModelSums s) {
        return Params.builder().longs(N, GwasFields.longs(s.n())).bytes(HESSIAN, DoubleBlock.encode(s.hessian()))
                .bytes(SCORE, DoubleBlock.encode(s.score())).bytes(DEVIANCE, DoubleBlock.encode(s.deviance()))
                .build();
    }

    /** The sums for {@code variants} requested variants of a design with {@code layout}'s columns. */
    static ModelSums sums(Params p, int variants, DesignLayout layout) {
        ModelSums s = new ModelSums(GwasFields.ints(p, N), DoubleBlock.decode(p.bytes(HESSIAN), HESSIAN),
                DoubleBlock.decode(p.bytes(SCORE), SCORE), DoubleBlock.decode(p.bytes(DEVIANCE), DEVIANCE));
        check(N, s.n().length, variants);
        check(HESSIAN, s.hessian().length, variants * layout.packedSize());
        check(SCORE, s.score().length, variants * layout.columns());
        check(DEVIANCE, s.deviance().length, variants);
        return s;
    }

    private static void check(String field, int length, int expected) {
        if (length != expected) {
            throw new ProtocolException("field '" + field + "' holds " + length + " values, expected " + expected);
        }
    }
}
