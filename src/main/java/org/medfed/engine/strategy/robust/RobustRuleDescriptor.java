package org.medfed.engine.strategy.robust;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.medfed.engine.Strategy;
import org.medfed.engine.strategy.ParameterSpec;

/**
 * What the study file, the command line and the workbench know of a robust aggregation rule: id, display name,
 * a plain-language explanation, its parameters in the order its text form writes them ({@code krum:1}), how many
 * of them the text must give, and how to put the rule around a strategy.
 *
 * @param written    leading parameters the text form must give; the rest may be left at their defaults
 * @param factory    (parameter values, the strategy whose averaging the rule replaces) to the ruled strategy; it
 *                   checks the values and may be given a null strategy to check them alone
 */
public record RobustRuleDescriptor(String id, String name, String explanation, List<ParameterSpec> parameters,
                                   int written, BiFunction<Map<String, Double>, Strategy, Strategy> factory) {

    public RobustRuleDescriptor {
        parameters = List.copyOf(parameters);
        if (written < 0 || written > parameters.size()) {
            throw new IllegalArgumentException("rule " + id + ": written must be in [0, " + parameters.size() + "]");
        }
    }

    /** How the text form is written, for messages: {@code trimmed-mean:<beta>}, {@code multi-krum:<f>[:<m>]}. */
    public String syntax() {
        StringBuilder sb = new StringBuilder(id);
        for (int i = 0; i < parameters.size(); i++) {
            String part = ":<" + parameters.get(i).name() + ">";
            sb.append(i < written ? part : "[" + part + "]");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
