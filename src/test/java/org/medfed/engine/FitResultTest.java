package org.medfed.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Value;

class FitResultTest {

    private static final ModelVector BASE = ModelVector.of(new float[] {0.5f, -1.25f, 3f});
    private static final Map<String, Value> SEALED = Map.of("sealed.values", new Value.Bytes(new byte[] {1, 2, 3}));

    @Test
    void aPlainUpdateTravelsAsFloats() {
        FitResult trained = new FitResult(ModelVector.of(new float[] {1f, 2f, 3f}), UpdateKind.MODEL, 10, 4, 0.25,
                Map.of());

        Params reply = trained.toReply();
        FitResult back = FitResult.fromReply(reply, BASE);

        assertThat(reply.floats("update")).containsExactly(1f, 2f, 3f);
        assertThat(back.update()).isEqualTo(trained.update());
        assertThat(back.sealed()).isFalse();
    }

    @Test
    void aSealedModelSendsNoUpdateAndArrivesAsTheModelItWasSent() {
        FitResult trained = new FitResult(ModelVector.of(new float[] {1f, 2f, 3f}), UpdateKind.MODEL, 10, 4, 0.25,
                Map.of("loss", new Value.Floats(new float[] {0.5f})));

        FitResult sealed = trained.sealedIn(BASE, SEALED);
        Params reply = sealed.toReply();
        FitResult back = FitResult.fromReply(reply, BASE);

        assertThat(sealed.update()).isEqualTo(BASE);
        assertThat(reply.has("update")).isFalse();
        assertThat(reply.keys()).containsOnly("update.sealed", "kind", "examples", "steps", "train_loss",
                "extra.sealed.values");
        assertThat(back.sealed()).isTrue();
        assertThat(back.update()).isEqualTo(BASE);
        assertThat(back.kind()).isEqualTo(UpdateKind.MODEL);
        assertThat(back.examples()).isEqualTo(10);
        assertThat(back.steps()).isEqualTo(4);
        assertThat(back.trainLoss()).isEqualTo(0.25);
        assertThat(back.extras()).containsOnlyKeys("sealed.values");
    }

    @Test
    void aSealedGradientArrivesAsZeros() {
        FitResult gradient = new FitResult(ModelVector.of(new float[] {0.1f, 0.2f, 0.3f}), UpdateKind.GRADIENT, 10, 1,
                Double.NaN, Map.of());

        FitResult back = FitResult.fromReply(gradient.sealedIn(BASE, SEALED).toReply(), BASE);

        assertThat(back.update()).isEqualTo(ModelVector.zeros(3));
        assertThat(back.kind()).isEqualTo(UpdateKind.GRADIENT);
    }

    @Test
    void replacingTheUpdateOfASealedResultUnsealsIt() {
        FitResult sealed = new FitResult(BASE, UpdateKind.MODEL, 1, 1, 0, Map.of()).sealedIn(BASE, SEALED);

        FitResult replaced = sealed.withUpdate(ModelVector.of(new float[] {9f, 9f, 9f}));

        assertThat(replaced.sealed()).isFalse();
        assertThat(replaced.toReply().floats("update")).containsExactly(9f, 9f, 9f);
    }
}
