package org.medfed.gui.participants;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.medfed.data.tabular.SchemaProblem;
import org.medfed.data.tabular.SchemaReport;
import org.medfed.data.tabular.TabularFederation;
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
        DataSection data = study.data();
        List<TabularFederation.SiteInput> inputs = new ArrayList<>();
        boolean complete = true;
        for (ParticipantEntry p : study.enabledParticipants()) {
            DataFileSummary s = summaryOf.apply(p);
            if (s == null || !s.ok()) {
                complete = false;
                break;
            }
        }
        if (data == null || data.label() == null || data.label().isBlank()) {
            settle(study.participants().isEmpty() ? "" : "The check across hospitals runs once the label is chosen (Task and model).");
            return;
        }
        if (complete) {
            try {
                for (ParticipantEntry p : study.enabledParticipants()) {
                    inputs.add(new TabularFederation.SiteInput(p.name(), summaryOf.apply(p).file(),
                            p.csvFormat(data.csvFormat()), p.siteMapping()));
                }
            } catch (org.medfed.engine.BadInputException e) {
                settle("The check could not run: " + ErrorText.plain(e));
                return;
            }
        }
        if (!complete || inputs.isEmpty()) {
            settle(inputs.isEmpty() && study.enabledParticipants().isEmpty() ? ""
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
        tasks.run(() -> TabularFederation.checkSchema(inputs, data.csvFormat(), data.tabularSettings()), report -> {
            if (thisCheck == generation) {
                verdict.show(report.problems(), summary(report));
            }
        }, e -> {
            if (thisCheck == generation) {
                verdict.show(List.of(), "The check could not run: " + ErrorText.plain(e));
            }
        });
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
