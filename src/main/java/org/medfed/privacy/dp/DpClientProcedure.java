package org.medfed.privacy.dp;

import java.util.HashMap;
import java.util.Map;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ClientProcedure;
import org.medfed.engine.ClientState;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.FitResult;
import org.medfed.engine.LocalTrainer;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunControl;
import org.medfed.engine.UpdateKind;
import org.medfed.privacy.random.CryptoRandom;
import org.medfed.privacy.random.RandomSource;

/**
 * The participant half of DP-FedAvg: runs the wrapped local procedure, then clips the delta (update minus
 * global model, or the gradient) to the round's L2 bound before anything leaves the hospital, reports whether
 * it was within the bound (for adaptive clipping), and, with distributed noise, adds this participant's share
 * of the Gaussian noise.
 */
public final class DpClientProcedure implements ClientProcedure {

    /** Server state: {@code [clip norm]} of the round. */
    public static final String CLIP_KEY = "dp.clip";
    /** Server state: {@code [standard deviation]} of the noise each participant adds (0 unless distributed). */
    public static final String PARTICIPANT_NOISE_KEY = "dp.participant_noise_std";
    /** Extra sent back: {@code [1]} if the delta was within the clip norm before clipping, else {@code [0]}. */
    public static final String UNCLIPPED_KEY = "dp.unclipped";

    private final ClientProcedure inner;
    private final RandomSource random;

    public DpClientProcedure(ClientProcedure inner, RandomSource random) {
        this.inner = inner;
        this.random = random;
    }

    @Override
    public FitResult run(FitInstruction instruction, LocalTrainer trainer, ClientState state, RunControl control) {
        FitResult r = inner.run(instruction, trainer, state, control);
        double clip = instruction.serverVector(CLIP_KEY).get(0);
        double noiseStd = instruction.serverState().containsKey(PARTICIPANT_NOISE_KEY)
                ? instruction.serverVector(PARTICIPANT_NOISE_KEY).get(0) : 0.0;
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
            CryptoRandom noise = random.stream("dp.participant-noise", instruction.training().seed());
            noise.addGaussian(delta, noiseStd);
        }
        float[] out = new float[delta.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.kind() == UpdateKind.MODEL ? (float) (global.get(i) + delta[i]) : (float) delta[i];
        }
        Map<String, ModelVector> extras = new HashMap<>(r.extras());
        extras.put(UNCLIPPED_KEY, ModelVector.of(new float[] {norm <= clip ? 1f : 0f}));
        return r.withUpdate(ModelVector.wrap(out)).withExtras(extras);
    }
}
