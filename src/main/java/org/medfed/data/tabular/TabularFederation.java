package org.medfed.data.tabular;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.medfed.concurrency.InOrder;
import org.medfed.data.ExampleSet;
import org.medfed.data.SplitRule;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.harmonise.SiteMapping;
import org.medfed.engine.BadInputException;

/**
 * Prepares hospitals' CSV tables for a federated run in one process, the way a real federation would: each
 * hospital reads its own file into a {@link LocalTabularSite}; the {@link TabularCoordinator} agrees on columns,
 * category levels, classes, fill values and standardisation from the sites' summaries; then each site encodes its
 * own examples. Rows never leave a site; only the pooled-training baseline, which is the simulation's point of
 * comparison, puts them together. The hospitals do their parts at once on the executor given (as each would on its
 * own machine), and their answers are taken in the study's order, so the result does not depend on it.
 */
public final class TabularFederation {

    /**
     * A participant's name and data file, how the file is read (null: as the study reads its files) and the
     * hospital's mapping onto the study's columns and codes, applied right after reading.
     */
    public record SiteInput(String name, Path file, CsvFormat format, SiteMapping mapping) {

        public SiteInput {
            mapping = mapping == null ? SiteMapping.NONE : mapping;
        }

        /** Read as the study reads its files, without a mapping. */
        public SiteInput(String name, Path file) {
            this(name, file, null, SiteMapping.NONE);
        }

        /** The hospital's table in the study's terms. */
        public CsvTable read(CsvFormat study) {
            return mapping.apply(CsvReader.read(file, format != null ? format : study), name);
        }
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
    public static SchemaReport checkSchema(List<SiteInput> inputs, CsvFormat format, TabularSettings settings,
                                           Executor executor) {
        Map<String, CsvTable> tables = readAll(inputs, format, executor);
        List<LocalTabularSite> sites = InOrder.map(List.copyOf(tables.entrySet()),
                t -> new LocalTabularSite(t.getKey(), t.getValue(), settings), executor);
        return TabularCoordinator.checkSchema(sites, settings, executor);
    }

    /** As {@link #prepare(List, CsvFormat, TabularSettings, SplitRule, Executor)}, with the study's own split. */
    public static TabularFederation prepare(List<SiteInput> inputs, CsvFormat format, TabularSettings settings,
                                            Executor executor) {
        return prepare(inputs, format, settings, SplitRule.OURS, executor);
    }

    /**
     * Reads every site's file and prepares it, each site splitting its rows by {@code splitRule} (a benchmark's
     * published split); the sites work at once on {@code executor} ({@link InOrder#HERE}: one after another).
     */
    public static TabularFederation prepare(List<SiteInput> inputs, CsvFormat format, TabularSettings settings,
                                            SplitRule splitRule, Executor executor) {
        if (inputs.isEmpty()) {
            throw new BadInputException("the study has no participants with data");
        }
        return prepareTables(readAll(inputs, format, executor), settings, splitRule, executor);
    }

    /** As {@link #prepare}, for tables a site built itself (genotype dosages with phenotypes). */
    public static TabularFederation prepareTables(Map<String, CsvTable> tables, TabularSettings settings,
                                                  Executor executor) {
        return prepareTables(tables, settings, SplitRule.OURS, executor);
    }

    private static TabularFederation prepareTables(Map<String, CsvTable> tables, TabularSettings settings,
                                                   SplitRule splitRule, Executor executor) {
        if (tables.isEmpty()) {
            throw new BadInputException("the study has no participants with data");
        }
        List<LocalTabularSite> sites = InOrder.map(List.copyOf(tables.entrySet()), t -> new LocalTabularSite(
                t.getKey(), t.getValue(), settings, LocalTabularSite.REPORT_EVERY_COUNT, splitRule), executor);
        TabularAgreement agreement = TabularCoordinator.agree(sites, settings, executor);
        FittedPreprocessing prep = agreement.preprocessing();
        List<PreparedSite> prepared = InOrder.map(sites, s -> new PreparedSite(s.name(), s.examples(prep, false),
                s.examples(prep, true), s.siteTable()), executor);
        return new TabularFederation(prepared, prep, agreement.schema());
    }

    private static Map<String, CsvTable> readAll(List<SiteInput> inputs, CsvFormat format, Executor executor) {
        Set<String> names = new HashSet<>();
        for (SiteInput in : inputs) {
            if (!names.add(in.name())) {
                throw new BadInputException("two participants are named '" + in.name() + "'");
            }
        }
        List<CsvTable> read = InOrder.map(inputs, in -> in.read(format), executor);
        Map<String, CsvTable> tables = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            tables.put(inputs.get(i).name(), read.get(i));
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
