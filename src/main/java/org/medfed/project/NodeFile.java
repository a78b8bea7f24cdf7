package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code node.json} exactly as written, before any check: the JSON shape of a hospital node's settings. Every
 * field may be null here; {@link NodeConfigCheck} says which must not be and turns this into a {@link NodeConfig}.
 * Kept apart from {@link NodeConfig} so that the checked settings carry resolved paths and parsed values, while
 * this record keeps the file's text (relative paths, ids) for writing a template.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "node", "study", "coordinator", "certificate", "key", "ca", "datasets", "policy",
        "auditLog", "stateFolder"})
record NodeFile(Integer schemaVersion, String node, String study, String coordinator, String certificate, String key,
                String ca, List<Dataset> datasets, Policy policy, String auditLog, String stateFolder) {

    /** The version this build writes; files up to it load. 2: a table's reading options in {@code csv}. */
    static final int CURRENT_SCHEMA = 2;

    /**
     * One dataset; which of the file fields apply depends on {@code kind}. A table's {@code separator} and
     * {@code header} beside its {@code file} are how schema 1 gave them; this build writes them in {@code csv}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "kind", "file", "csv", "separator", "header", "folder", "manifest", "masks", "vcf",
            "phenotypes"})
    record Dataset(String id, String kind, String file, CsvOptions csv, String separator, String header,
                   String folder, String manifest, String masks, String vcf, String phenotypes) {
    }

    /** The hospital's policy; written out in full, nulls included, so that every knob is visible in a template. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"dataKinds", "procedures", "minimumCount", "requireDifferentialPrivacy", "maxEpsilon",
            "maxRounds"})
    record Policy(List<String> dataKinds, List<String> procedures, Integer minimumCount,
                  Boolean requireDifferentialPrivacy, Double maxEpsilon, Integer maxRounds) {
    }
}
