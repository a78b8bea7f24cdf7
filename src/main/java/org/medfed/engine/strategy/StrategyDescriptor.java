package org.medfed.engine.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ModelLayout;
import org.medfed.engine.Strategy;

/**
 * What the workbench and the study file know of a strategy: id, display name, a plain-language explanation for
 * teaching, its parameters, and how to build it from their values.
 */
public record StrategyDescriptor(String id, String name, String explanation, List<ParameterSpec> parameters,
                                 Factory factory) {

    /** Builds the strategy from its checked parameters and, for one that treats layers apart, the model's layers. */
    @FunctionalInterface
    public interface Factory {
        Strategy create(Map<String, Double> parameters, ModelLayout model);
    }

    public StrategyDescriptor {
        parameters = List.copyOf(parameters);
    }

    /** The strategy with {@code values} over the defaults; unknown or out-of-range values are refused. */
    public Strategy create(Map<String, Double> values) {
        return create(values, ModelLayout.UNKNOWN);
    }

    /** As {@link #create(Map)}, for a model with the layers of {@code model}. */
    public Strategy create(Map<String, Double> values, ModelLayout model) {
        return factory.create(resolve(values), model);
    }

    /** Defaults overlaid with {@code values}, checked. */
    public Map<String, Double> resolve(Map<String, Double> values) {
        Map<String, Double> resolved = new LinkedHashMap<>();
        for (ParameterSpec p : parameters) {
            resolved.put(p.name(), p.defaultValue());
        }
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (!resolved.containsKey(e.getKey())) {
                throw new BadInputException("strategy '" + id + "' has no parameter '" + e.getKey() + "'"
                        + (parameters.isEmpty() ? "; it takes none"
                        : "; it takes " + String.join(", ", parameters.stream().map(ParameterSpec::name).toList())));
            }
            resolved.put(e.getKey(), e.getValue());
        }
        for (ParameterSpec p : parameters) {
            String problem = p.check(resolved.get(p.name()));
            if (problem != null) {
                throw new BadInputException("strategy '" + id + "': " + problem);
            }
        }
        return resolved;
    }
}
