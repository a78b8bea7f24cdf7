package org.medfed.network.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.protocol.SiteRequest;

class RepeatedModelTest {

    private static SiteRequest carrying(Procedure p, float... model) {
        return SiteRequest.of(3, p, Params.builder().floats(SiteRequest.MODEL, model).text("split", "TEST").build());
    }

    @Test
    void aModelSentOnceTravelsAsItsDigestTheSecondTimeAndComesBackBitForBit() {
        RepeatedModel.Sender coordinator = new RepeatedModel.Sender(new RepeatedModel.Digests());
        RepeatedModel.Receiver node = new RepeatedModel.Receiver();
        float[] model = {1.5f, -0f, Float.intBitsToFloat(0x7fc00001), 3e-40f};

        SiteRequest first = coordinator.shorten(carrying(Procedure.EVALUATE, model));
        SiteRequest second = coordinator.shorten(carrying(Procedure.TRAIN, model));

        assertThat(first.call().params().floats(SiteRequest.MODEL)).isEqualTo(model);
        assertThat(second.call().params().has(SiteRequest.MODEL)).isFalse();
        assertThat(second.call().params().bytes(RepeatedModel.SAME)).hasSize(32)
                .isEqualTo(RepeatedModel.digest(model));
        assertThat(second.call().params().text("split")).isEqualTo("TEST");
        assertThat(second.call().procedure()).isEqualTo(Procedure.TRAIN);

        node.restore(first);
        float[] back = node.restore(second).call().params().floats(SiteRequest.MODEL);
        assertThat(back).hasSize(model.length);
        for (int i = 0; i < model.length; i++) {
            assertThat(Float.floatToRawIntBits(back[i])).isEqualTo(Float.floatToRawIntBits(model[i]));
        }
    }

    @Test
    void aDifferentModelAndANewConnectionSendTheWholeModel() {
        RepeatedModel.Sender coordinator = new RepeatedModel.Sender(new RepeatedModel.Digests());
        coordinator.shorten(carrying(Procedure.EVALUATE, 1f, 2f));

        SiteRequest changed = coordinator.shorten(carrying(Procedure.TRAIN, 1f, 2.0000002f));
        SiteRequest afterReconnecting = new RepeatedModel.Sender(new RepeatedModel.Digests())
                .shorten(carrying(Procedure.TRAIN, 1f, 2.0000002f));

        assertThat(changed.call().params().floats(SiteRequest.MODEL)).containsExactly(1f, 2.0000002f);
        assertThat(afterReconnecting.call().params().floats(SiteRequest.MODEL)).containsExactly(1f, 2.0000002f);
    }

    @Test
    void theCoordinatorDigestsOneModelOnceForAllItsNodes() {
        RepeatedModel.Digests digests = new RepeatedModel.Digests();
        float[] model = {1f, 2f, 3f};

        byte[] forFirstNode = digests.of(model);
        byte[] forSecondNode = digests.of(model.clone());
        model[0] = 9f; // a caller that changes its array afterwards does not change what was digested
        byte[] changed = digests.of(new float[] {1f, 2f, 4f});

        assertThat(forSecondNode).isSameAs(forFirstNode).isEqualTo(RepeatedModel.digest(new float[] {1f, 2f, 3f}));
        assertThat(changed).isEqualTo(RepeatedModel.digest(new float[] {1f, 2f, 4f}));
    }

    @Test
    void aRequestWithoutAModelPassesUntouched() {
        SiteRequest question = SiteRequest.of(1, Procedure.DESCRIBE, Params.builder().text("x", "y").build());
        assertThat(new RepeatedModel.Sender(new RepeatedModel.Digests()).shorten(question)).isSameAs(question);
        assertThat(new RepeatedModel.Receiver().restore(question)).isSameAs(question);
    }

    @Test
    void aReferenceToAModelTheNodeDoesNotHoldIsRefusedWithBothDigests() {
        RepeatedModel.Sender coordinator = new RepeatedModel.Sender(new RepeatedModel.Digests());
        coordinator.shorten(carrying(Procedure.EVALUATE, 1f));
        SiteRequest reference = coordinator.shorten(carrying(Procedure.TRAIN, 1f));

        assertThatThrownBy(() -> new RepeatedModel.Receiver().restore(reference)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("this node has received no model on this connection");

        RepeatedModel.Receiver holdsAnother = new RepeatedModel.Receiver();
        holdsAnother.restore(carrying(Procedure.EVALUATE, 2f));
        assertThatThrownBy(() -> holdsAnother.restore(reference)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("the last model this node received is");
    }
}
