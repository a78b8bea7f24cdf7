package org.medfed.engine.strategy.robust;

import java.util.List;
import java.util.Map;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.UpdateKind;

/** Builds small updates for rule tests. */
public final class Updates {

    private Updates() {
    }

    public static ClientUpdate model(String name, float... values) {
        return new ClientUpdate(name, ModelVector.of(values), UpdateKind.MODEL, 10, 1.0, 1, 0.5, Map.of());
    }

    public static ClientUpdate gradient(String name, float... values) {
        return new ClientUpdate(name, ModelVector.of(values), UpdateKind.GRADIENT, 10, 1.0, 1, 0.5, Map.of());
    }

    public static RoundContext round(int round, float... global) {
        return new RoundContext(round, ModelVector.of(global), 5, List.of());
    }

    public static float[] values(ModelVector v) {
        return v.toArray();
    }
}
