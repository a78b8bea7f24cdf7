package org.medfed.gui.participants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.medfed.data.tabular.SchemaProblem;
import org.medfed.data.tabular.SchemaReport;
import org.medfed.data.tabular.LocalTabularSite;
import org.medfed.data.tabular.SchemaCheck;
import org.medfed.data.tabular.SchemaSummary;
import org.medfed.data.tabular.TableOverview;
import org.medfed.data.tabular.TabularFederation;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.tabular.TabularSettings;
import org.medfed.engine.BadInputException;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.ErrorText;
import org.medfed.project.DataSection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;

/**
 * The check across a table study's hospitals (same columns, compatible types, the same codes for the outcome and the
 * categories, identifier columns left out), each hospital's file read with its import options and mapping, run in the background
 * when what it reads has changed. A newer check, or a reset, makes the answer of one still running void, so a
 * slow check never overwrites a newer verdict.
 */
final class CrossHospitalCheck {

    /** Where the verdict goes: the problems (by hospital and column) and one line for the status. */
    interface Verdict {
        void show(List<SchemaProblem> problems, String status);
    }

    private final BackgroundTasks tasks;
    private final Verdict verdict;
    private final Consumer<String> progress;
    private int generation;
    private String lastKey = "";

    /** {@code progress} gets the status line while a check runs; the last verdict's problems stay meanwhile. */
    CrossHospitalCheck(BackgroundTasks tasks, Verdict verdict, Consumer<String> progress) {
        this.tasks = tasks;
        this.verdict = verdict;
        this.progress = progress;
    }

    /**
     * Checks the study's taking-part hospitals whose files have been read ({@code summaryOf}: null while one is
     * still being read), unless the same files and settings were checked last time.
     */
    void schedule(Study study, Function<ParticipantEntry, DataFileSummary> summaryOf) {
        schedule(study, summaryOf, p -> null);
    }

    /**
     * As {@link #schedule(Study, Function)}, with the hospitals behind nodes checked on the summaries their nodes
     * sent ({@code overviewOf}: null while a node has not sent one): the same check on the same summaries a run's
     * agreement starts from.
     */
    void schedule(Study study, Function<ParticipantEntry, DataFileSummary> summaryOf,
                  Function<ParticipantEntry, TableOverview> overviewOf) {
        DataSection data = study.data();
        Map<String, Object> inputs = new LinkedHashMap<>();
        boolean complete = true;
        boolean waitingForANode = false;
        for (ParticipantEntry p : study.enabledParticipants()) {
            Object input;
            if (p.isRemote()) {
                input = overviewOf.apply(p);
                waitingForANode |= input == null;
            } else {
                DataFileSummary s = summaryOf.apply(p);
                input = s == null || !s.ok() ? null : s;
            }
            if (input == null) {
                complete = false;
                break;
            }
            inputs.put(p.name(), input);
        }
        if (data == null || data.label() == null || data.label().isBlank()) {
            settle(study.participants().isEmpty() ? "" : "The check across hospitals runs once the label is chosen (Task and model).");
            return;
        }
        if (complete) {
            try {
                // a file is read with its hospital's import options and mapping, as the run will read it
                for (ParticipantEntry p : study.enabledParticipants()) {
                    if (inputs.get(p.name()) instanceof DataFileSummary s) {
                        inputs.put(p.name(), new TabularFederation.SiteInput(p.name(), s.file(),
                                p.csvFormat(data.csvFormat()), p.siteMapping()));
                    }
                }
            } catch (BadInputException e) {
                settle("The check could not run: " + ErrorText.plain(e));
                return;
            }
        }
        if (!complete || inputs.isEmpty()) {
            settle(inputs.isEmpty() && study.enabledParticipants().isEmpty() ? ""
                    : waitingForANode ? "The check across hospitals runs once every hospital's file can be read and "
                    + "every hospital's node has sent its summary."
                    : "The check across hospitals runs once every hospital's file can be read.");
            return;
        }
        String key = inputs + "|" + data;
        if (key.equals(lastKey)) {
            return;
        }
        lastKey = key;
        int thisCheck = ++generation;
        progress.accept("Checking that the hospitals' tables match…");
        tasks.run(() -> check(inputs, data.csvFormat(), data.tabularSettings()), report -> {
            if (thisCheck == generation) {
                verdict.show(report.problems(), summary(report));
            }
        }, e -> {
            if (thisCheck == generation) {
                verdict.show(List.of(), "The check could not run: " + ErrorText.plain(e));
            }
        });
    }

    /**
     * The schema check on each hospital's summary: made here from a file read, or as its node sent it. When the
     * tables match, each hospital read here also selects its rows as the run will, so that a hospital left with
     * no row to train on (or with few: incomplete rows dropped) is named before Run rather than after.
     */
    private static SchemaReport check(Map<String, Object> inputs, CsvFormat format, TabularSettings settings) {
        Map<String, SchemaSummary> schemas = new LinkedHashMap<>();
        Map<String, LocalTabularSite> local = new LinkedHashMap<>();
        inputs.forEach((name, input) -> {
            if (input instanceof TableOverview o) {
                schemas.put(name, o.schema());
            } else {
                LocalTabularSite site = new LocalTabularSite(name, ((TabularFederation.SiteInput) input).read(format),
                        settings);
                local.put(name, site);
                schemas.put(name, site.schemaSummary());
            }
        });
        SchemaReport report = SchemaCheck.check(schemas, settings);
        if (!report.ok()) {
            return report;
        }
        List<SchemaProblem> problems = new ArrayList<>(report.problems());
        local.forEach((name, site) -> {
            try {
                SchemaProblem rows = site.selectRows(report.featureTypes()).problem(name, settings.missing());
                if (rows != null) {
                    problems.add(rows);
                }
            } catch (BadInputException e) {
                problems.add(new SchemaProblem(name, null, SchemaProblem.Severity.ERROR, ErrorText.plain(e)));
            }
        });
        return new SchemaReport(report.featureTypes(), problems);
    }

    /** No check for this study (not a table study): nothing shown, and a check still running is ignored. */
    void reset() {
        settle("");
    }

    private void settle(String status) {
        lastKey = "";
        generation++;
        verdict.show(List.of(), status);
    }

    private static String summary(SchemaReport report) {
        if (report.problems().isEmpty()) {
            return "✔ The hospitals' tables match: same columns, compatible types, and the same codes for the outcome "
                    + "and the categories.";
        }
        int errors = report.errors().size();
        int warnings = report.warnings().size();
        return (errors > 0 ? "✖ " + errors + (errors == 1 ? " problem stops" : " problems stop") + " the run"
                : "✔ Nothing stops the run") + (warnings > 0 ? "; " + warnings + " warning" + (warnings == 1 ? "" : "s") : "") + ".";
    }
}
