package org.medfed.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medfed.data.csv.ColumnProfile;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.csv.CsvWriter;
import org.medfed.data.csv.TableProfiler;
import org.medfed.data.split.HospitalSplitter;
import org.medfed.data.split.SplitRule;
import org.medfed.data.tabular.LabelCandidates;
import org.medfed.engine.BadInputException;
import org.medfed.io.OutputFolder;
import org.medfed.project.DataSection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medfed split}: one CSV into simulated hospitals, for teaching. */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = {"Splits one CSV file into N simulated hospitals: iid, label-skewed (dirichlet:ALPHA) or by a "
                + "column's values.", "With --label it also writes a ready-to-run OUT/study.json."})
final class SplitCommand implements Callable<Integer> {

    private static final String STUDY = "study.json";

    @Parameters(paramLabel = "FILE.csv")
    Path file;

    @Option(names = "--into", paramLabel = "N", defaultValue = "3", description = "number of hospitals (default 3)")
    int into;

    @Option(names = "--by", paramLabel = "RULE", defaultValue = "iid", description = "iid, dirichlet:ALPHA or column:NAME")
    String by;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--label", paramLabel = "COLUMN", description = "label column (needed for dirichlet)")
    String label;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--force", description = "replace the outputs already in the --out folder (otherwise a folder that "
            + "holds anything is refused)")
    boolean force;

    @picocli.CommandLine.Mixin
    TableReadingOptions reading = new TableReadingOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CsvTable table = CsvReader.read(file, reading.format(file));
        if (label != null) {
            refuseALabelOfTooManyValues(table);
        }
        SplitRule rule = SplitRule.parse(by);
        Map<String, int[]> parts = HospitalSplitter.split(table, into, rule, label, seed);
        int labelColumn = label == null ? -1 : table.columnIndex(label);
        List<String> outputs = new ArrayList<>(parts.keySet().stream().map(h -> h + ".csv").toList());
        outputs.add(STUDY);
        try (OutputFolder folder = OutputFolder.claim(out, "split", force ? OutputFolder.Mode.REPLACE
                : OutputFolder.Mode.NEW, outputs)) {
            write(table, parts, labelColumn, rule);
            folder.finish();
        }
        return MedFedCommand.OK;
    }

    /** A measurement as the label makes no study: its run would be refused by every hospital (SiteTable). */
    private void refuseALabelOfTooManyValues(CsvTable table) {
        Map<String, ColumnProfile> profiles = TableProfiler.profile(table);
        ColumnProfile p = profiles.get(label);
        if (p != null && p.distinct() < 0) {
            List<String> candidates = LabelCandidates.of(table, profiles, label);
            throw new BadInputException(file, null, "label column '" + label + "' has more than "
                    + ColumnProfile.MAX_LEVELS + " different values: a classification needs a column of a few classes"
                    + (candidates.isEmpty() ? "" : " (such as " + String.join(", ", candidates) + ")"));
        }
    }

    private void write(CsvTable table, Map<String, int[]> parts, int labelColumn, SplitRule rule) {
        PrintWriter err = spec.commandLine().getErr();
        List<ParticipantEntry> entries = new ArrayList<>();
        for (Map.Entry<String, int[]> e : parts.entrySet()) {
            List<String[]> rows = new ArrayList<>();
            Map<String, Integer> balance = new java.util.TreeMap<>(TableProfiler::compareLevels);
            for (int r : e.getValue()) {
                rows.add(table.rows().get(r));
                if (labelColumn >= 0) {
                    String v = table.value(r, labelColumn);
                    balance.merge(v == null ? "missing" : v, 1, Integer::sum);
                }
            }
            String name = e.getKey() + ".csv";
            CsvWriter.write(out.resolve(name), table.columns(), rows);
            entries.add(new ParticipantEntry(e.getKey(), name));
            err.printf("%s: %d rows%s%n", name, rows.size(), balance.isEmpty() ? "" : ", label " + balance);
        }
        if (label != null) {
            DataSection data = DataSection.forLabel(label);
            if (rule.kind() == SplitRule.Kind.COLUMN) {
                // the column the hospitals were made from has one value at each: as a feature, the check would find
                // it coded differently everywhere, and it says nothing within a hospital
                data = data.withDrop(List.of(rule.column()));
            }
            Study study = Study.empty().withName(file.getFileName() + " split " + rule)
                    .withParticipants(entries).withData(data);
            StudyFile.save(study, out.resolve(STUDY));
            err.println("study file: " + out.resolve(STUDY));
        }
    }
}
