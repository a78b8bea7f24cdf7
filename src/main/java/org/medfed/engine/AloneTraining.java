package org.medfed.engine;

import java.util.Objects;
import org.medfed.engine.protocol.Params;

/**
 * How a hospital's own model alone is trained, the comparison of the {@code local:HOSPITAL} row: from the run's
 * initial model, on the hospital's rows only, with the study's comparison plan. Sent with the personalisation
 * request, so that a hospital that chooses between models can make this one too, at its side.
 */
public record AloneTraining(ModelVector start, LocalTraining plan) {

    private static final String PREFIX = "alone.";
    private static final String MODEL = "alone.model";

    public AloneTraining {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(plan, "plan");
    }

    public Params toParams() {
        return Params.builder().all(PREFIX, plan.withSampleLevelPrivacy(null).toParams())
                .floats(MODEL, start.toArray()).build();
    }

    /** As a request carries it ({@link #toParams()} among its fields). */
    public static AloneTraining from(Params request) {
        return new AloneTraining(ModelVector.wrap(request.floats(MODEL)),
                LocalTraining.fromParams(request.under(PREFIX), dp -> {
                    throw new IllegalArgumentException("a hospital's own model alone is trained without DP-SGD");
                }));
    }
}
