package org.medfed.data.tabular;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.medfed.data.csv.ColumnType;
import org.medfed.engine.BadInputException;

/** The outcome of the cross-hospital schema check: the agreed feature types, and every problem found. */
public record SchemaReport(Map<String, ColumnType> featureTypes, List<SchemaProblem> problems) {

    public SchemaReport {
        featureTypes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(featureTypes));
        problems = List.copyOf(problems);
    }

    public List<SchemaProblem> errors() {
        return problems.stream().filter(p -> p.severity() == SchemaProblem.Severity.ERROR).toList();
    }

    public List<SchemaProblem> warnings() {
        return problems.stream().filter(p -> p.severity() == SchemaProblem.Severity.WARNING).toList();
    }

    public boolean ok() {
        return errors().isEmpty();
    }

    /** Throws one message listing every error, each by hospital and column. */
    public void throwIfErrors() {
        List<SchemaProblem> errors = errors();
        if (!errors.isEmpty()) {
            throw new BadInputException("the hospitals' tables do not match:\n  "
                    + errors.stream().map(SchemaProblem::toString).collect(Collectors.joining("\n  ")));
        }
    }
}
