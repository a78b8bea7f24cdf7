package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;
import org.medfed.engine.ModelLayout;
import org.medfed.engine.Strategy;
import org.medfed.engine.strategy.StrategyCatalog;

/** The strategy id (such as {@code "fedavg"}) and its parameters, as written in the study file. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StrategySection(String id, Map<String, Double> parameters) {

    public StrategySection {
        id = id == null ? "weighted-fedavg" : id;
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    public Strategy create() {
        return StrategyCatalog.create(id, parameters);
    }

    /** The strategy for a model with the layers of {@code model} (FedPer needs them to know which stay at hospitals). */
    public Strategy create(ModelLayout model) {
        return StrategyCatalog.create(id, parameters, model);
    }

    /** Whether the strategy merges updates as they arrive; false for one the catalogue lacks (refused later). */
    public boolean asynchronous() {
        try {
            return create().schedule().asynchronous();
        } catch (org.medfed.engine.BadInputException e) {
            return false;
        }
    }

    /** The parameters with defaults filled in, for the model card. */
    public Map<String, Double> resolvedParameters() {
        return StrategyCatalog.require(id).resolve(parameters);
    }
}
