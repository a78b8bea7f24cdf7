package org.medfed.node.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.medfed.engine.DataSplit;
import org.medfed.engine.EvaluationRequest;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.project.DataKind;
import org.medfed.project.NodePolicySection;
import org.medfed.site.HospitalSite;
import org.medfed.testsupport.QuadraticTrainer;


/** The minimum count, checked on the replies the hospital's own procedures really make. */
class NodePolicyReplyTest {

    private static final ModelVector MODEL = ModelVector.wrap(new float[] {0, 0});

    private static NodePolicy minimum(int count) {
        return new NodePolicy(new NodePolicySection(EnumSet.of(DataKind.TABLE), EnumSet.allOf(Procedure.class), count,
                false, OptionalDouble.empty(), OptionalInt.empty()));
    }

    /** A hospital with {@code trainSize} training and {@code testSize} test examples. */
    private static HospitalSite hospital(int trainSize, int testSize) {
        return new HospitalSite("hospital-a", new QuadraticTrainer(trainSize, testSize, 1f, 2f));
    }

    private static Params reply(HospitalSite site, SiteRequest request) {
        return site.handle(request, RunControl.free());
    }

    @Test
    void anEvaluationOnFewerExamplesThanTheMinimumDoesNotLeave() {
        Params onThree = reply(hospital(50, 3), EvaluationRequest.of(1, MODEL, DataSplit.TEST));
        assertThat(minimum(5).refusalOfReply(Procedure.EVALUATE, onThree)).contains("the evaluation rests on 3 "
                + "examples, fewer than the 5 this hospital's policy requires before anything leaves");
        Params onFifty = reply(hospital(50, 3), EvaluationRequest.of(1, MODEL, DataSplit.TRAIN));
        assertThat(minimum(5).refusalOfReply(Procedure.EVALUATE, onFifty)).isEmpty();
    }

    @Test
    void aDescriptionGivingASmallSizeDoesNotLeave() {
        Params sizes = reply(hospital(50, 3), SiteRequest.of(0, Procedure.DESCRIBE, Params.EMPTY));
        assertThat(minimum(5).refusalOfReply(Procedure.DESCRIBE, sizes)).contains("the reply would say this hospital "
                + "has 3 test examples, fewer than the 5 this hospital's policy requires before anything leaves");
        assertThat(minimum(3).refusalOfReply(Procedure.DESCRIBE, sizes)).isEmpty();
    }

    @Test
    void aCountOfZeroRevealsNoOne() {
        Params sizes = reply(hospital(50, 0), SiteRequest.of(0, Procedure.DESCRIBE, Params.EMPTY));
        assertThat(minimum(5).refusalOfReply(Procedure.DESCRIBE, sizes)).isEmpty();
    }

    @Test
    void anUpdateFromFewerExamplesThanTheMinimumDoesNotLeave() {
        SiteRequest train = FitInstruction.request(1, MODEL, new LocalTraining(1, 0, 2, LocalOptimizer.SGD, 0.1, 1L),
                ProcedureCall.of(Procedure.TRAIN), List.of());
        Params update = reply(hospital(4, 4), train);
        assertThat(minimum(5).refusalOfReply(Procedure.TRAIN, update))
                .contains("the 'train' update was computed from 4 examples, fewer than the 5 this hospital's policy "
                        + "requires before anything leaves");
        assertThat(minimum(4).refusalOfReply(Procedure.TRAIN, update)).isEmpty();
    }

    @Test
    void aReplyWithoutItsCountDoesNotLeave() {
        assertThat(minimum(5).refusalOfReply(Procedure.EVALUATE, Params.builder().number("metric.accuracy", 1).build()))
                .hasValueSatisfying(r -> assertThat(r).contains("no readable count 'examples'"));
        assertThat(minimum(5).refusalOfReply(Procedure.EVALUATE, Params.builder().number("examples", 2.5).build()))
                .hasValueSatisfying(r -> assertThat(r).contains("not a count"));
    }

    @Test
    void repliesThatStateNoCountPassAndNoMinimumPassesEverything() {
        assertThat(minimum(5).refusalOfReply(Procedure.SECAGG_ADVERTISE, Params.builder().bytes("key", new byte[4])
                .build())).isEmpty();
        assertThat(minimum(0).refusalOfReply(Procedure.EVALUATE, Params.builder().number("examples", 1).build()))
                .isEmpty();
    }
}
