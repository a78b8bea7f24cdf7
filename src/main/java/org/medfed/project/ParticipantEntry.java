package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.harmonise.SiteMapping;

/**
 * A hospital in a study: its name, its data files (relative to the study file), its weight for
 * custom-weighted averaging, whether it takes part, an optional simulated attack (teaching only), how its CSV file
 * is read where that differs from the study's ({@code "csv"}, see {@link CsvOptions}), and how its columns and
 * codes map onto the study's ({@code "mapping"}, see {@link MappingSection}).
 *
 * <p>A hospital that keeps its data behind its own node names the node and the dataset id the node registered,
 * instead of files: {@code {"name": "hospital-a", "node": "hospital-a", "dataset": "heart"}}. Its mapping travels
 * to its node with the study, and the node applies it to the table it reads; its node reads the file with the
 * node's own settings, so {@code "csv"} is for files read here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParticipantEntry(String name, List<String> data, Double weight, Boolean enabled, String attack,
                               String node, String dataset, CsvOptions csv, MappingSection mapping) {

    public ParticipantEntry {
        data = data == null ? List.of() : List.copyOf(data);
        weight = weight == null ? 1.0 : weight;
        enabled = enabled == null ? Boolean.TRUE : enabled;
        csv = csv == null || csv.isEmpty() ? null : csv;
        mapping = mapping == null || mapping.isEmpty() ? null : mapping;
    }

    public ParticipantEntry(String name, List<String> data, Double weight, Boolean enabled, String attack,
                            String node, String dataset) {
        this(name, data, weight, enabled, attack, node, dataset, null, null);
    }

    public ParticipantEntry(String name, List<String> data, Double weight, Boolean enabled, String attack) {
        this(name, data, weight, enabled, attack, null, null);
    }

    /** A hospital reached through its node. */
    public static ParticipantEntry remote(String name, String node, String dataset) {
        return new ParticipantEntry(name, List.of(), 1.0, true, null, node, dataset);
    }

    /** Whether the hospital's data stays behind its own node (a multi-site study). */
    @JsonIgnore
    public boolean isRemote() {
        return node != null;
    }

    public ParticipantEntry(String name, String file) {
        this(name, List.of(file), 1.0, true, null);
    }

    /** How this hospital's file is read: the study's format with this hospital's options over it. */
    public CsvFormat csvFormat(CsvFormat study) {
        return csv == null ? study : csv.over(study);
    }

    /** This hospital's mapping onto the study's columns and codes; {@link SiteMapping#NONE} when it has none. */
    @JsonIgnore
    public SiteMapping siteMapping() {
        return mapping == null ? SiteMapping.NONE : mapping.toMapping();
    }

    /** This hospital's own CSV options, never null. */
    @JsonIgnore
    public CsvOptions csvOptions() {
        return csv == null ? CsvOptions.NONE : csv;
    }

    public ParticipantEntry withData(List<String> files) {
        return new ParticipantEntry(name, files, weight, enabled, attack, node, dataset, csv, mapping);
    }

    public ParticipantEntry withName(String newName) {
        return new ParticipantEntry(newName, data, weight, enabled, attack, node, dataset, csv, mapping);
    }

    public ParticipantEntry withWeight(double newWeight) {
        return new ParticipantEntry(name, data, newWeight, enabled, attack, node, dataset, csv, mapping);
    }

    public ParticipantEntry withEnabled(boolean on) {
        return new ParticipantEntry(name, data, weight, on, attack, node, dataset, csv, mapping);
    }

    public ParticipantEntry withAttack(String newAttack) {
        return new ParticipantEntry(name, data, weight, enabled, newAttack, node, dataset, csv, mapping);
    }

    public ParticipantEntry withCsv(CsvOptions options) {
        return new ParticipantEntry(name, data, weight, enabled, attack, node, dataset, options, mapping);
    }

    public ParticipantEntry withMapping(SiteMapping newMapping) {
        return new ParticipantEntry(name, data, weight, enabled, attack, node, dataset, csv,
                MappingSection.of(newMapping));
    }
}
