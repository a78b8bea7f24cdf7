package org.medfed.data.tabular;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.data.ExampleSet;
import org.medfed.data.SplitRule;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.csv.CsvTable;
import org.medfed.engine.BadInputException;

/**
 * Prepares hospitals' CSV tables for a federated run in one process, the way a real federation would: each
 * hospital reads its own file into a {@link LocalTabularSite}; the {@link TabularCoordinator} agrees on columns,
 * category levels, classes, fill values and standardisation from the sites' summaries; then each site encodes its
 * own examples. Rows never leave a site; only the pooled-training baseline, which is the simulation's point of
 * comparison, puts them together.
 */
public final class TabularFederation {

    /** A participant's name and data file. */
    public record SiteInput(String name, Path file) {
    }

    /** A participant ready to train: its encoded examples and the table they came from. */
    public record PreparedSite(String name, ExampleSet train, ExampleSet test, SiteTable table) {
    }

    private final List<PreparedSite> sites;
    private final FittedPreprocessing preprocessing;
    private final SchemaReport schema;

    private TabularFederation(List<PreparedSite> sites, FittedPreprocessing preprocessing, SchemaReport schema) {
        this.sites = List.copyOf(sites);
        this.preprocessing = preprocessing;
        this.schema = schema;
    }

    public List<PreparedSite> sites() {
        return sites;
    }

    public FittedPreprocessing preprocessing() {
        return preprocessing;
    }

    public SchemaReport schema() {
        return schema;
    }

    /** Reads every site's file and checks the schema across them, without preparing anything. */
    public static SchemaReport checkSchema(List<SiteInput> inputs, CsvFormat format, TabularSettings settings) {
        return TabularCoordinator.checkSchema(localSites(readAll(inputs, format), settings), settings);
    }

    public static TabularFederation prepare(List<SiteInput> inputs, CsvFormat format, TabularSettings settings) {
        return prepare(inputs, format, settings, SplitRule.OURS);
    }

    /** As {@link #prepare}, each site splitting its rows by {@code splitRule} (a benchmark's published split). */
    public static TabularFederation prepare(List<SiteInput> inputs, CsvFormat format, TabularSettings settings,
                                            SplitRule splitRule) {
        if (inputs.isEmpty()) {
            throw new BadInputException("the study has no participants with data");
        }
        return prepareTables(readAll(inputs, format), settings, splitRule);
    }

    /** As {@link #prepare}, for tables a site built itself (genotype dosages with phenotypes). */
    public static TabularFederation prepareTables(Map<String, CsvTable> tables, TabularSettings settings) {
        return prepareTables(tables, settings, SplitRule.OURS);
    }

    private static TabularFederation prepareTables(Map<String, CsvTable> tables, TabularSettings settings,
                                                   SplitRule splitRule) {
        if (tables.isEmpty()) {
            throw new BadInputException("the study has no participants with data");
        }
        List<LocalTabularSite> sites = new ArrayList<>();
        tables.forEach((name, table) -> sites.add(new LocalTabularSite(name, table, settings,
                LocalTabularSite.REPORT_EVERY_COUNT, splitRule)));
        TabularAgreement agreement = TabularCoordinator.agree(sites, settings);
        FittedPreprocessing prep = agreement.preprocessing();
        List<PreparedSite> prepared = new ArrayList<>();
        for (LocalTabularSite s : sites) {
            prepared.add(new PreparedSite(s.name(), s.examples(prep, false), s.examples(prep, true), s.siteTable()));
        }
        return new TabularFederation(prepared, prep, agreement.schema());
    }

    private static List<LocalTabularSite> localSites(Map<String, CsvTable> tables, TabularSettings settings) {
        List<LocalTabularSite> out = new ArrayList<>();
        tables.forEach((name, table) -> out.add(new LocalTabularSite(name, table, settings)));
        return out;
    }

    private static Map<String, CsvTable> readAll(List<SiteInput> inputs, CsvFormat format) {
        Map<String, CsvTable> tables = new LinkedHashMap<>();
        for (SiteInput in : inputs) {
            if (tables.containsKey(in.name())) {
                throw new BadInputException("two participants are named '" + in.name() + "'");
            }
            tables.put(in.name(), CsvReader.read(in.file(), format));
        }
        return tables;
    }

    /** All sites' training rows standardised with the pooled statistics: the pooled-training baseline. */
    public ExampleSet pooledTraining() {
        ExampleSet all = null;
        for (PreparedSite s : sites) {
            ExampleSet part = s.table().examplesWith(preprocessing, false, preprocessing.pooled());
            all = all == null ? part : all.concat(part);
        }
        return all;
    }
}
