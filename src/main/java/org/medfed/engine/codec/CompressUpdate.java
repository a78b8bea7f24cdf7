package org.medfed.engine.codec;

import org.medfed.engine.ClientState;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.FitResult;
import org.medfed.engine.ModelVector;
import org.medfed.engine.Seeds;
import org.medfed.engine.UpdateFilter;
import org.medfed.engine.UpdateKind;
import org.medfed.engine.VectorMath;
import org.medfed.engine.protocol.Params;

/**
 * The hospital's side of update compression, the last filter before the update leaves: it encodes the change from
 * the global model it was sent with the requested {@link UpdateCodec}, and with error feedback keeps the part left
 * out (the residual) in the hospital's state, which a checkpoint saves.
 */
public final class CompressUpdate implements UpdateFilter {

    /** Key of the error-feedback residual in the hospital's state. */
    public static final String RESIDUAL = "compress.residual";

    @Override
    public FitResult apply(FitResult result, FitInstruction instruction, Params params, ClientState state) {
        UpdateCodec codec = UpdateCodec.fromParams(params);
        ModelVector global = instruction.global();
        boolean model = result.kind() == UpdateKind.MODEL;
        ModelVector delta = model ? VectorMath.subtract(result.update(), global) : result.update();
        if (codec.errorFeedback()) {
            ModelVector residual = state.get(RESIDUAL).orElse(null);
            if (residual != null && residual.size() == delta.size()) {
                delta = VectorMath.add(delta, residual);
            }
        }
        byte[] bytes = codec.encode(delta.toArray(), Seeds.derive(instruction.training().seed(), "compress", 0));
        ModelVector decoded = ModelVector.wrap(CompressedVector.decode(bytes, delta.size()));
        if (codec.errorFeedback()) {
            state.put(RESIDUAL, VectorMath.subtract(delta, decoded));
        }
        return result.withEncoded(model ? VectorMath.add(global, decoded) : decoded, bytes);
    }
}
