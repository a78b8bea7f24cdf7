package org.medfed.privacy.dp;

import java.util.HashMap;
import java.util.Map;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ClientState;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.FitResult;
import org.medfed.engine.ModelVector;
import org.medfed.engine.UpdateFilter;
import org.medfed.engine.UpdateKind;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.protocol.Value;
import org.medfed.privacy.random.CryptoRandom;
import org.medfed.privacy.random.RandomSource;

/**
 * The hospital's half of DP-FedAvg, a filter: clips the delta (update minus global model, or the gradient) to
 * the round's L2 bound before anything leaves the hospital, reports whether it was within the bound (for
 * adaptive clipping), and, with distributed noise, adds this hospital's share of the Gaussian noise.
 */
public final class DpClipNoise implements UpdateFilter {

    /** Extra sent back: {@code [1]} if the delta was within the clip norm before clipping, else {@code [0]}. */
    public static final String UNCLIPPED_KEY = "dp.unclipped";
    static final String CLIP = "clip";
    /** The standard deviation of the noise this hospital adds; 0 when the coordinator adds all of it. */
    public static final String NOISE_STD = "noise_std";
    /**
     * The client-level epsilon the coordinator declares it will not pass, when the study sets one. The filter does
     * not use it; it is there so that a hospital's policy can refuse a study whose declared target is above its own
     * limit (the hospital cannot compute client-level epsilon itself: it depends on the other hospitals).
     */
    public static final String TARGET_EPSILON = "target_epsilon";

    /** The filter call of a round: clip to {@code clip}, add noise of {@code noiseStd} (0 for none). */
    public static ProcedureCall call(double clip, double noiseStd, RandomSource random) {
        return call(clip, noiseStd, random, null);
    }

    /** As {@link #call(double, double, RandomSource)}, declaring the study's client-level target epsilon (or null). */
    public static ProcedureCall call(double clip, double noiseStd, RandomSource random, Double targetEpsilon) {
        Params.Builder b = Params.builder().number(CLIP, clip).number(NOISE_STD, noiseStd);
        if (noiseStd > 0) {
            b.all(random.describe());
        }
        if (targetEpsilon != null) {
            b.number(TARGET_EPSILON, targetEpsilon);
        }
        return ProcedureCall.of(Procedure.DP_CLIP_NOISE, b.build());
    }

    @Override
    public FitResult apply(FitResult r, FitInstruction instruction, Params params, ClientState state) {
        double clip = params.number(CLIP);
        double noiseStd = params.number(NOISE_STD);
        if (!(clip > 0) || !(noiseStd >= 0)) {
            throw new BadInputException("differential privacy: the clip norm must be positive and the noise not "
                    + "negative, were " + clip + " and " + noiseStd);
        }
        ModelVector global = instruction.global();
        float[] upd = r.update().toArray();
        if (upd.length != global.size()) {
            throw new BadInputException("the local update has " + upd.length + " parameters where the model has "
                    + global.size());
        }
        double[] delta = new double[upd.length];
        for (int i = 0; i < upd.length; i++) {
            delta[i] = r.kind() == UpdateKind.MODEL ? (double) upd[i] - global.get(i) : upd[i];
        }
        double norm = L2Clip.clipInPlace(delta, clip);
        if (!Double.isFinite(norm)) {
            throw new BadInputException("local training produced values that are not finite numbers; "
                    + "lower the learning rate");
        }
        if (noiseStd > 0) {
            // the engine derives the training seed per participant and round: in seeded (test) mode each
            // participant then draws its own reproducible noise; in secure mode the stream is fresh anyway
            CryptoRandom noise = RandomSource.from(params).stream("dp.participant-noise",
                    instruction.training().seed());
            noise.addGaussian(delta, noiseStd);
        }
        float[] out = new float[delta.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.kind() == UpdateKind.MODEL ? (float) (global.get(i) + delta[i]) : (float) delta[i];
        }
        Map<String, Value> extras = new HashMap<>(r.extras());
        extras.put(UNCLIPPED_KEY, new Value.Floats(new float[] {norm <= clip ? 1f : 0f}));
        return r.withUpdate(ModelVector.wrap(out)).withExtras(extras);
    }
}
