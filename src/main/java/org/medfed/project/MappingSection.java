package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medfed.data.harmonise.SiteMapping;

/**
 * A hospital's mapping onto the study's columns and codes, as the study file writes it in a participant's
 * {@code "mapping"}: {@code "rename": {"age_years": "age"}}, {@code "recode": {"class": {"benign": "2"}}},
 * {@code "scale": {"glucose": 18.0}} (by the study's column names, applied in that order; see {@link SiteMapping}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MappingSection(Map<String, String> rename, Map<String, Map<String, String>> recode,
                             Map<String, Double> scale) {

    public MappingSection {
        rename = rename == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rename));
        recode = recode == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(recode));
        scale = scale == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scale));
    }

    public static MappingSection of(SiteMapping m) {
        return new MappingSection(m.rename(), m.recode(), m.scale());
    }

    /** Nothing renamed, recoded or converted (checked without validating: the study's check does that). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return rename.isEmpty() && recode.values().stream().allMatch(v -> v == null || v.isEmpty()) && scale.isEmpty();
    }

    public SiteMapping toMapping() {
        return new SiteMapping(rename, recode, scale);
    }
}
