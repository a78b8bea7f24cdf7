package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Robust aggregation: {@code rule} is none, median, trimmed-mean:BETA, krum:F or multi-krum:F[:M]; a positive
 * {@code clipBound} also clips each update's change to that L2 norm.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DefenceSection(String rule, Double clipBound) {

    public DefenceSection {
        rule = rule == null ? "none" : rule;
        clipBound = clipBound == null ? 0.0 : clipBound;
    }
}
