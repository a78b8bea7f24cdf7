package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.data.harmonise.SiteMapping;

/**
 * A hospital's mapping onto the study's columns and codes, as the study file writes it in a participant's
 * {@code "mapping"}: {@code "rename": {"age_years": "age"}}, {@code "recode": {"class": {"benign": "2"}}},
 * {@code "scale": {"glucose": 18.0}}, {@code "missing": {"chol": ["0"]}} (by the study's column names; see
 * {@link SiteMapping} for the order they apply in).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MappingSection(Map<String, String> rename, Map<String, Map<String, String>> recode,
                             Map<String, Double> scale, Map<String, List<String>> missing) {

    public MappingSection {
        rename = rename == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rename));
        recode = recode == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(recode));
        scale = scale == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scale));
        missing = missing == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(missing));
    }

    public static MappingSection of(SiteMapping m) {
        return new MappingSection(m.rename(), m.recode(), m.scale(), m.missing());
    }

    /** Nothing renamed, recoded, converted or marked (checked without validating: the study's check does that). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return rename.isEmpty() && recode.values().stream().allMatch(v -> v == null || v.isEmpty()) && scale.isEmpty()
                && missing.values().stream().allMatch(v -> v == null || v.isEmpty());
    }

    public SiteMapping toMapping() {
        return new SiteMapping(rename, recode, scale, missing);
    }
}
