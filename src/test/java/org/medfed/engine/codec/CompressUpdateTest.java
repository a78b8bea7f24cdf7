package org.medfed.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.engine.ClientState;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.FitResult;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.UpdateKind;
import org.medfed.engine.protocol.Params;
import org.medfed.site.HospitalSite;
import org.medfed.testsupport.QuadraticTrainer;

class CompressUpdateTest {

    private static final ModelVector GLOBAL = ModelVector.of(new float[] {1, 1, 1});
    private static final FitInstruction INSTRUCTION = new FitInstruction(1, GLOBAL,
            new LocalTraining(1, 0, 1, LocalOptimizer.SGD, 0.1, 9), Params.EMPTY);

    private static FitResult trained(float... model) {
        return new FitResult(ModelVector.of(model), UpdateKind.MODEL, 10, 1, 0.5, Map.of());
    }

    @Test
    void errorFeedbackSendsTheLargestChangeAndKeepsTheRestForNextTime() {
        UpdateCodec top1 = new UpdateCodec("topk", 0, 1 / 3.0, true);
        ClientState state = new ClientState("a");
        CompressUpdate filter = new CompressUpdate();

        // change [3, 1, 2]: sends [3, 0, 0], keeps [0, 1, 2]
        FitResult first = filter.apply(trained(4, 2, 3), INSTRUCTION, top1.toParams(), state);
        assertThat(first.update().toArray()).containsExactly(4f, 1f, 1f);
        assertThat(state.get(CompressUpdate.RESIDUAL).orElseThrow().toArray()).containsExactly(0f, 1f, 2f);
        // the same change again plus what was kept: [3, 2, 4]: sends [0, 0, 4], keeps [3, 2, 0]
        FitResult second = filter.apply(trained(4, 2, 3), INSTRUCTION, top1.toParams(), state);
        assertThat(second.update().toArray()).containsExactly(1f, 1f, 5f);
        assertThat(state.get(CompressUpdate.RESIDUAL).orElseThrow().toArray()).containsExactly(3f, 2f, 0f);

        // the coordinator decodes the reply against the model it sent to the same vector
        FitResult received = FitResult.fromReply(second.toReply(), GLOBAL);
        assertThat(received.update().toArray()).containsExactly(1f, 1f, 5f);
        assertThat(second.toReply().has("update")).isFalse();
    }

    @Test
    void theResidualIsPartOfTheHospitalsCheckpointState() {
        HospitalSite site = new HospitalSite("a", new QuadraticTrainer(10, 0f, 0f, 0f));
        new CompressUpdate().apply(trained(4, 2, 3), INSTRUCTION, new UpdateCodec("topk", 0, 0.3, true).toParams(),
                site.state());
        Params saved = site.savedState();
        assertThat(saved.floats(CompressUpdate.RESIDUAL)).containsExactly(0f, 1f, 2f);
        HospitalSite restored = new HospitalSite("a", new QuadraticTrainer(10, 0f, 0f, 0f));
        restored.restoreState(saved);
        assertThat(restored.state().get(CompressUpdate.RESIDUAL)).contains(ModelVector.of(new float[] {0, 1, 2}));
    }

    @Test
    void quantisedUpdatesTakeAQuarterOfTheBytesOfFloats() {
        float[] model = new float[4096];
        for (int i = 0; i < model.length; i++) {
            model[i] = 1 + 0.01f * (float) Math.sin(i);
        }
        ModelVector global = ones(4096);
        FitInstruction instruction = new FitInstruction(1, global, INSTRUCTION.training(), Params.EMPTY);
        FitResult plain = trained(model);
        FitResult q8 = new CompressUpdate().apply(plain, instruction, new UpdateCodec("quantise", 8, 1, false).toParams(),
                new ClientState("a"));
        long plainBytes = plain.toReply().payloadBytes();
        long quantisedBytes = q8.toReply().payloadBytes();
        assertThat((double) quantisedBytes / plainBytes).isBetween(0.25, 0.26);
    }

    private static ModelVector ones(int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1f);
        return ModelVector.of(v);
    }
}
