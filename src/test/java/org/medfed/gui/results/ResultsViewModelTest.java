package org.medfed.gui.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.RoundRecord;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.StudyReadiness;
import org.medfed.gui.run.RoundPoint;
import org.medfed.gui.run.RunViewModel;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.gui.testing.Samples;
import org.medfed.gui.testing.StubDialogs;
import org.medfed.project.StudyFile;
import org.medfed.study.StudyResult;
import org.medfed.testsupport.InterruptedRun;

class ResultsViewModelTest {

    @TempDir
    Path dir;

    private final QueuedUi ui = QueuedUi.sameThread();
    private final StubDialogs dialogs = new StubDialogs();
    private final StudyDocument doc = new StudyDocument();
    private ResultsViewModel vm;
    private StudyResult result;
    private Path study;
    private RunViewModel run;
    private final RunHistoryStore store = new RunHistoryStore(() -> LocalDateTime.of(2026, 11, 25, 14, 23, 1));

    @BeforeEach
    void runTheSample() {
        study = Samples.copy(dir, 5);
        doc.replace(StudyFile.load(study), study);
        run = new RunViewModel(doc, ui, new StudyReadiness(doc));
        run.keepRunsIn(store);
        vm = new ResultsViewModel(doc, ui, dialogs, store);
        vm.resumeWith(run::resume);
        runAndShow();
        result = run.resultProperty().get();
    }

    private void runAndShow() {
        run.start();
        ui.drain();
        vm.show(run.resultProperty().get(), run.keptFolderProperty().get());
        ui.drain();
    }

    /** The federated model not tested at one hospital after the last round (its node away): said, and not counted. */
    @Test
    void aHospitalWithoutFiguresIsWarnedAboutAndLeftOutOfTheCountOfAllTestPatients() {
        var h = result.history();
        RoundRecord last = h.lastRound().orElseThrow();
        var test = new java.util.TreeMap<>(last.test());
        test.remove("rural-clinic");
        RoundRecord cut = new RoundRecord(last.round(), last.selected(), last.trainLoss(), test, last.global(),
                List.of(new org.medfed.engine.ParticipantFailure(last.round(), "rural-clinic",
                        org.medfed.engine.ParticipantFailure.Phase.EVALUATE, "its node 'rural-clinic' is not connected",
                        false)), last.duration(), last.trainingNanos(), last.diagnostics(), last.progress());
        var rounds = new java.util.ArrayList<>(h.rounds());
        rounds.set(rounds.size() - 1, cut);
        var history = new org.medfed.engine.RunHistory(h.strategyId(), h.participants(), rounds, h.model(), h.status(),
                h.message(), h.duration());
        StudyResult away = new StudyResult(result.prepared(), result.seed(), history, result.baselines(),
                result.protections(), result.started(), result.finished());
        vm.show(away, null);
        ui.drain();

        int n = result.prepared().data().counts().stream().filter(c -> !c.name().equals("rural-clinic"))
                .mapToInt(c -> c.testSize()).sum();
        assertThat(vm.columns()).contains("All test patients (n=" + n + ")");
        assertThat(vm.warnings()).anyMatch(w -> w.equals("rural-clinic has no figures for the federated model: it "
                + "was not tested after the last round (its node 'rural-clinic' is not connected); the means over "
                + "hospitals and the figure over all test patients leave it out"));
    }

    @Test
    void comparesFederatedWithEachHospitalAloneAndPooled() {
        assertThat(vm.rows()).extracting(ResultsViewModel.Row::model).containsExactly(
                "Federated (all hospitals, data stay home)", "city-general alone", "rural-clinic alone",
                "heart-centre alone", "mountain-hospital alone", "Pooled (all data in one place)");
        var counts = result.prepared().data().counts();
        assertThat(vm.columns()).containsExactly("city-general (n=" + counts.get(0).testSize() + ")",
                "rural-clinic (n=" + counts.get(1).testSize() + ")", "heart-centre (n=" + counts.get(2).testSize() + ")",
                "mountain-hospital (n=" + counts.get(3).testSize() + ")", "Mean",
                "All test patients (n=" + counts.stream().mapToInt(c -> c.testSize()).sum() + ")");
        RoundRecord last = result.history().lastRound().orElseThrow();
        // the figure, then its Wilson interval from the hospital's own count of correct test patients
        int n = counts.get(0).testSize();
        double acc = last.test().get("city-general").metric("accuracy");
        var wilson = new org.medfed.metrics.Proportion((int) Math.round(acc * n), n).wilson();
        assertThat(vm.rows().get(0).cells().get(0)).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f (%.3f–%.3f)",
                acc, wilson.low(), wilson.high()));
        assertThat(vm.rows().get(0).cells().get(4))
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", last.globalMetric("accuracy")));
        vm.metricProperty().set("auc");
        assertThat(vm.rows().get(0).cells().get(4))
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", last.globalMetric("auc")));
        assertThat(vm.messageProperty().get()).isEmpty();
        // every figure under All test patients is over those patients together (the predictions are known here):
        // balanced accuracy the mean of their sensitivity and specificity, not the hospitals' weighted mean
        vm.metricProperty().set("sensitivity");
        double sensitivity = Double.parseDouble(vm.rows().get(0).cells().get(5).split(" ")[0]);
        vm.metricProperty().set("specificity");
        double specificity = Double.parseDouble(vm.rows().get(0).cells().get(5).split(" ")[0]);
        vm.metricProperty().set("balanced_accuracy");
        assertThat(vm.rows().get(0).cells().get(5)).doesNotContain("weighted");
        assertThat(Double.parseDouble(vm.rows().get(0).cells().get(5))).isCloseTo((sensitivity + specificity) / 2,
                within(0.0011));
    }

    @Test
    void predictsANewFileWithTheRunsModelAsThePredictCommandDoes() throws Exception {
        Path csv = Path.of("sample-projects/heart-4-hospitals/data/mountain-hospital.csv");
        assertThat(vm.predictableProperty().get()).isTrue();
        dialogs.tableFiles.add(csv);
        dialogs.saveFiles.add(dir.resolve("kept.csv"));
        vm.predictNewData();
        ui.drain();
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.infos).singleElement().asString().startsWith("Predictions saved: ")
                .contains("rows predicted").contains("kept.csv")
                .doesNotContain("own data"); // the sample's file, not this copy's: dir holds the study predicted from

        // the same as medfed predict with the kept run's model folder
        Path kept = run.keptFolderProperty().get();
        org.medfed.study.Prediction.predictFile(kept.resolve("model"), csv, null, dir.resolve("cli.csv"));
        assertThat(Files.readString(dir.resolve("kept.csv"))).isEqualTo(Files.readString(dir.resolve("cli.csv")));

        // a run that was not kept: the model is exported for the purpose, and gives the same predictions
        vm.show(result, null);
        ui.drain();
        dialogs.tableFiles.add(csv);
        dialogs.saveFiles.add(dir.resolve("unkept.csv"));
        vm.predictNewData();
        ui.drain();
        assertThat(Files.readString(dir.resolve("unkept.csv"))).isEqualTo(Files.readString(dir.resolve("cli.csv")));

        // a hospital's own file of this study: its accuracy is mostly on rows the model trained on, and it says so
        dialogs.tableFiles.add(study.resolveSibling("data").resolve("mountain-hospital.csv"));
        dialogs.saveFiles.add(dir.resolve("own.csv"));
        vm.predictNewData();
        ui.drain();
        assertThat(dialogs.infos.get(2)).contains("This is mountain-hospital's own data, on most of which the model "
                + "trained");

        // nothing chosen: nothing written, nothing said
        vm.predictNewData();
        ui.drain();
        assertThat(dialogs.infos).hasSize(3);
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void asksWhichHospitalAFileIsFromWhenTheHospitalsAreReadEachTheirOwnWay() throws Exception {
        // rural-clinic exports with ';' and decimal commas, without a header, and calls cholesterol chol_mmol
        Path data = study.resolveSibling("data");
        List<String> original = Files.readAllLines(data.resolve("rural-clinic.csv"));
        List<String> names = new java.util.ArrayList<>(List.of(original.get(0).split(",")));
        names.set(names.indexOf("cholesterol"), "chol_mmol");
        Path export = Files.write(data.resolve("rural-export.csv"), original.subList(1, original.size()).stream()
                .map(l -> l.replace(',', ';').replace('.', ',')).toList());
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(study.toFile());
        for (var p : tree.withArray("participants")) {
            var hospital = (com.fasterxml.jackson.databind.node.ObjectNode) p;
            if (hospital.get("name").asText().equals("rural-clinic")) {
                hospital.putArray("data").add("data/rural-export.csv");
                var csv = hospital.putObject("csv");
                csv.put("separator", ";").put("header", "no").put("decimalComma", true);
                names.forEach(csv.putArray("columnNames")::add);
                hospital.putObject("mapping").putObject("rename").put("chol_mmol", "cholesterol");
            }
        }
        json.writeValue(study.toFile(), tree);
        doc.replace(StudyFile.load(study), study);
        runAndShow();
        assertThat(dialogs.errors).isEmpty();

        // the hospital's own file: asked, with that hospital chosen first, and read as its training file was
        dialogs.tableFiles.add(export);
        dialogs.saveFiles.add(dir.resolve("rural.csv"));
        vm.predictNewData();
        ui.drain();
        assertThat(dialogs.choicesOffered).containsExactly("[city-general, rural-clinic, heart-centre, "
                + "mountain-hospital, " + ResultsViewModel.NEW_SOURCE + "] -> rural-clinic");
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.infos).singleElement().asString().contains("150 of 150 rows predicted")
                .contains("This is rural-clinic's own data");

        // read as a new source instead, the same file is not in the study's format: the message says what to do
        dialogs.tableFiles.add(export);
        dialogs.choiceAnswers.add(java.util.Optional.of(ResultsViewModel.NEW_SOURCE));
        dialogs.saveFiles.add(dir.resolve("elsewhere.csv"));
        vm.predictNewData();
        ui.drain();
        assertThat(dialogs.errors).singleElement().asString().contains("rural-export.csv line 1")
                .contains("If the file comes from one of the study's hospitals, predict it again and choose that "
                        + "hospital");

        // cancelled at the question: nothing asked after it, nothing written
        dialogs.tableFiles.add(export);
        dialogs.choiceAnswers.add(java.util.Optional.empty());
        dialogs.saveFiles.add(dir.resolve("never.csv"));
        vm.predictNewData();
        ui.drain();
        assertThat(dialogs.saveFiles).hasSize(1);
        assertThat(dir.resolve("never.csv")).doesNotExist();
    }

    @Test
    void predictsAFolderOfImagesWithAnImageClassifier() throws Exception {
        Path file = Path.of("sample-projects/phantom-4-hospitals/study.json");
        var phantom = StudyFile.load(file);
        phantom = phantom.withTraining(phantom.training().withRounds(2));
        StudyResult images = org.medfed.study.StudyRunner.run(org.medfed.testsupport.TestWorkers.shared(),
                org.medfed.study.PreparedStudy.prepare(phantom, file), org.medfed.study.RunOptions.defaults(),
                org.medfed.engine.RunListener.NONE, org.medfed.engine.RunControl.free(), m -> { });
        vm.show(images, null);
        ui.drain();
        assertThat(vm.predictableProperty().get()).isTrue();

        dialogs.folders.add(Path.of("sample-projects/phantom-4-hospitals/data/hospital-d/images"));
        dialogs.saveFiles.add(dir.resolve("images.csv"));
        vm.predictNewData();
        ui.drain();

        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.infos).singleElement().asString().contains("40 of 40 files predicted")
                .contains("the input files, then the predicted class")
                .contains("This is hospital-d's own data");
        assertThat(Files.readAllLines(dir.resolve("images.csv"))).hasSize(41)
                .first().isEqualTo("file,label,predicted,probability_lesion,probability_no-lesion,note");

        // a segmentation draws masks beside the file it saves, and says so
        Path segmentationFile = Path.of("sample-projects/phantom-4-hospitals/study-segmentation.json");
        var segmentation = StudyFile.load(segmentationFile);
        segmentation = segmentation.withTraining(segmentation.training().withRounds(1));
        StudyResult masks = org.medfed.study.StudyRunner.run(org.medfed.testsupport.TestWorkers.shared(),
                org.medfed.study.PreparedStudy.prepare(segmentation, segmentationFile),
                org.medfed.study.RunOptions.defaults(), org.medfed.engine.RunListener.NONE,
                org.medfed.engine.RunControl.free(), m -> { });
        vm.show(masks, null);
        ui.drain();
        dialogs.folders.add(Path.of("sample-projects/phantom-4-hospitals/data/hospital-d/images"));
        dialogs.saveFiles.add(dir.resolve("masks.csv"));
        vm.predictNewData();
        ui.drain();
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.infos.get(1)).contains("the masks are in " + dir.resolve("masks-masks"))
                .contains("a row per image with its mask");
        assertThat(dir.resolve("masks-masks/lesion/hospital-d-001.dcm.png")).isRegularFile();
    }

    @Test
    void confusionMatrixAndRocAgreeWithTheEnginesEvaluation() {
        RoundRecord last = result.history().lastRound().orElseThrow();
        int testPatients = result.prepared().data().sites().stream().mapToInt(s -> s.test().size()).sum();
        assertThat(vm.confusionProperty().get().total()).isEqualTo(testPatients);
        for (String h : result.prepared().participantNames()) {
            vm.hospitalProperty().set(h);
            ConfusionMatrix m = vm.confusionProperty().get();
            assertThat((double) m.correct() / m.total()).isCloseTo(last.test().get(h).metric("accuracy"), within(1e-12));
            assertThat(vm.rocCurves().stream().filter(c -> c.testSet().equals(h)).findFirst().orElseThrow().auc().value())
                    .isCloseTo(last.test().get(h).metric("auc"), within(1e-9));
            assertThat(vm.calibration().stream().mapToInt(b -> b.patients()).sum()).isEqualTo(m.total());
        }
        // while the searchable chooser is typed into it holds no value: the last hospital's figures stay shown
        ConfusionMatrix shown = vm.confusionProperty().get();
        vm.hospitalProperty().set(null);
        assertThat(vm.confusionProperty().get()).isSameAs(shown);
        assertThat(vm.rocCurves()).isNotEmpty();
        // all hospitals' curves overlaid, all test patients together last
        assertThat(vm.rocCurves()).extracting(ResultsViewModel.RocCurve::testSet).containsExactly("city-general",
                "rural-clinic", "heart-centre", "mountain-hospital", ResultsViewModel.ALL);
        var all = vm.rocCurves().get(4).points();
        assertThat(all.get(0).truePositiveRate()).isZero();
        assertThat(all.get(all.size() - 1).falsePositiveRate()).isEqualTo(1.0);
        assertThat(all.get(all.size() - 1).truePositiveRate()).isEqualTo(1.0);
        assertThat(vm.rocCurves().get(4).auc().hasInterval()).isTrue();
    }

    @Test
    void aThresholdMovesSensitivityAgainstSpecificity() {
        assertThat(vm.thresholdSummaryProperty().get()).startsWith("At threshold 0.50").contains("sensitivity");
        vm.thresholdProperty().set(0.01);
        // nearly everyone is called ill: every ill patient is found, the confusion matrix follows the threshold
        assertThat(vm.thresholdSummaryProperty().get()).contains("sensitivity 1.000");
        assertThat(vm.confusionProperty().get().counts()[1][0]).isZero();
        vm.thresholdProperty().set(0.99);
        assertThat(vm.confusionProperty().get().counts()[0][1]).isZero();
    }

    @Test
    void federatedIsComparedWithEachHospitalAloneInWords() {
        assertThat(vm.comparisons()).hasSize(4);
        assertThat(vm.comparisons()).allSatisfy(c -> assertThat(c).containsAnyOf(" better than ", " worse than ",
                " not detectably different from ").contains("McNemar"));
        var stats = vm.statisticsProperty().get();
        for (String h : result.prepared().participantNames()) {
            var f = stats.at("federated", h);
            assertThat(f.n()).isEqualTo(result.prepared().data().counts().stream().filter(c -> c.name().equals(h))
                    .findFirst().orElseThrow().testSize());
            assertThat(f.sensitivity().hasInterval()).isTrue();
            var c = stats.comparison(h).orElseThrow();
            // the accuracies compared are the table's own
            assertThat(c.federated()).isCloseTo(f.accuracy().value(), within(1e-12));
            assertThat(c.alone()).isCloseTo(stats.at("local:" + h, h).accuracy().value(), within(1e-12));
        }
        vm.metricProperty().set("sensitivity");
        assertThat(vm.rows().get(0).cells().get(0)).contains("(").contains("–");
        assertThat(vm.limitsProperty().get()).isEmpty();
    }

    @Test
    void writesTheStudyReportFromTheKeptRun() throws Exception {
        dialogs.saveFiles.add(dir.resolve("report.html"));
        vm.saveReport();
        ui.drain();
        String html = Files.readString(dir.resolve("report.html"));
        for (String section : org.medfed.runreport.StudyReport.SECTIONS) {
            assertThat(html).contains("<section id=\"" + section + "\"");
        }
        assertThat(html).contains("data:image/png;base64,").contains("exact McNemar").contains("heart-centre");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void keepsTheRunInTheStudysHistoryAndExports() throws Exception {
        Path runDir = dir.resolve("heart/study.runs/20261125-142301");
        assertThat(runDir.resolve("run.properties")).exists();
        assertThat(runDir.resolve("model/model.zip")).exists();
        assertThat(vm.runs()).singleElement().satisfies(r -> {
            assertThat(r.started()).isEqualTo("2026-11-25 14:23:01");
            assertThat(r.status()).isEqualTo("finished");
            assertThat(r.strategy()).isEqualTo("weighted-fedavg");
            assertThat(r.rounds()).isEqualTo(5);
            assertThat(r.federatedAccuracy()).isCloseTo(result.history().lastRound().orElseThrow().globalMetric("accuracy"), within(1e-6));
            assertThat(r.federatedAuc()).isBetween(0.5, 1.0);
            assertThat(r.pooledAccuracy()).isBetween(0.5, 1.0);
            assertThat(r.bestLocal()).isNotEmpty();
            assertThat(r.bestLocalAccuracy()).isBetween(0.5, 1.0);
            assertThat(r.privacy()).isEmpty();
            assertThat(r.epsilon()).isNaN();
        });
        runAndShow();
        assertThat(vm.runs()).hasSize(2);
        assertThat(vm.runs().get(0).folder().getFileName().toString()).isEqualTo("20261125-142301-2");

        dialogs.folders.add(dir.resolve("exported"));
        vm.exportModel();
        ui.drain();
        assertThat(dir.resolve("exported/model.zip")).exists();
        assertThat(dir.resolve("exported/model.onnx")).exists();
        assertThat(Files.readString(dir.resolve("exported/model-card.json"))).contains("weighted-fedavg");
        assertThat(dialogs.infos).singleElement().satisfies(i -> assertThat(i).startsWith("Model exported"));

        dialogs.saveFiles.add(dir.resolve("metrics.csv"));
        vm.exportMetricsCsv();
        dialogs.saveFiles.add(dir.resolve("results.csv"));
        vm.exportResultsCsv();
        ui.drain();
        assertThat(Files.readAllLines(dir.resolve("metrics.csv")).get(0)).isEqualTo("round,participant,split,metric,value,clock_seconds,updates_applied");
        assertThat(Files.readAllLines(dir.resolve("results.csv")).get(0))
                .isEqualTo("model,participant,metric,value,n,ci_low,ci_high,vs_hospital_alone,p_value");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void anExportKeepsTheFiguresOfTheRunItWasAskedForWhenAnotherRunEndsWhileTheFileIsChosen() throws Exception {
        dialogs.saveFiles.add(dir.resolve("results.csv"));
        vm.exportResultsCsv();
        ui.drain();
        dialogs.folders.add(dir.resolve("exported"));
        vm.exportModel();
        ui.drain();

        // another run, of other figures (two rounds, not five), ends and is shown while each chooser is open
        Path other = Samples.copy(dir.resolve("other"), 2);
        doc.replace(StudyFile.load(other), other);
        run.start();
        ui.drain();
        StudyResult second = run.resultProperty().get();
        assertThat(second.history().rounds()).hasSize(2);
        dialogs.whileChoosing = () -> {
            vm.show(second);
            ui.drain();
        };
        vm.show(result);
        ui.drain();
        dialogs.saveFiles.add(dir.resolve("results-again.csv"));
        vm.exportResultsCsv();
        ui.drain();
        vm.show(result);
        ui.drain();
        dialogs.folders.add(dir.resolve("exported-again"));
        vm.exportModel();
        ui.drain();

        assertThat(Files.readString(dir.resolve("results-again.csv"))).isEqualTo(Files.readString(dir.resolve("results.csv")));
        assertThat(withoutTimes(dir.resolve("exported-again/model-card.json")))
                .isEqualTo(withoutTimes(dir.resolve("exported/model-card.json")));
        assertThat(dialogs.errors).isEmpty();
    }

    /** A model card's lines but the time it was written. */
    private static List<String> withoutTimes(Path card) throws java.io.IOException {
        return Files.readAllLines(card).stream().filter(l -> !l.contains("\"created\"")).toList();
    }

    @Test
    void aRunIsFiledUnderTheStudyItStartedFromEvenWhenAnotherIsOpenedBeforeItEnds() throws Exception {
        QueuedUi worker = QueuedUi.worker();
        RunViewModel slow = new RunViewModel(doc, worker, new StudyReadiness(doc));
        slow.keepRunsIn(new RunHistoryStore(() -> LocalDateTime.of(2026, 11, 25, 15, 0, 0)));
        slow.start();
        Path other = Samples.copy(dir.resolve("other"), 2);
        doc.replace(StudyFile.load(other), other);
        worker.until(() -> !slow.isActive(), java.time.Duration.ofSeconds(60));
        worker.close();
        assertThat(slow.keptFolderProperty().get()).isEqualTo(dir.resolve("heart/study.runs/20261125-150000"));
        assertThat(dir.resolve("other/heart/study.runs")).doesNotExist();
    }

    /** Before any run of the session, the screen points to the Resume of a run that did not end. */
    @Test
    void beforeARunTheScreenSaysAnInterruptedRunCanGoOn() {
        ResultsViewModel fresh = new ResultsViewModel(doc, ui, dialogs, store);
        ui.drain();
        assertThat(fresh.messageProperty().get()).isEqualTo("No run yet: press Start on the Run screen.");

        InterruptedRun.write(dir.resolve("heart/study.runs/20261125-120000"), doc.study(), study, true, 2);
        fresh.reloadHistory();
        ui.drain();

        assertThat(fresh.messageProperty().get()).contains("Start on the Run screen").contains("Resume an interrupted run");
        vm.reloadHistory(); // a screen that shows a run keeps saying what it says of it
        ui.drain();
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    /**
     * A run the workbench did not see end (killed after round 2 of 5) is listed as interrupted with a Resume, and
     * Resume goes on from its checkpoint to the model and figures of the run that was never interrupted, bit for bit.
     */
    @Test
    void anInterruptedRunIsResumedFromTheHistoryToTheSameModelAsAnUninterruptedRun() throws Exception {
        Path folder = InterruptedRun.write(dir.resolve("heart/study.runs/20261125-120000"), doc.study(), study, true, 2);
        vm.reloadHistory();
        ui.drain();
        assertThat(vm.runs()).hasSize(2);
        RunRecord interrupted = vm.runs().get(1); // newest first: the finished run of 14:23 is above it
        assertThat(interrupted.folder()).isEqualTo(folder);
        assertThat(interrupted.status()).isEqualTo(RunRecord.INTERRUPTED);
        assertThat(interrupted.resumable()).isTrue();
        assertThat(interrupted.rounds()).isEqualTo(2);
        assertThat(interrupted.roundsPlanned()).isEqualTo(5);
        assertThat(vm.runs().get(0).resumable()).isFalse();

        vm.resume(vm.runs().get(0)); // a finished run has nothing to resume
        assertThat(run.phaseProperty().get()).isEqualTo(RunViewModel.Phase.FINISHED);
        assertThat(run.resultProperty().get()).isSameAs(result);

        run.compareWithBaselinesProperty().set(false); // the workbench's box now says otherwise than the run
        vm.resume(interrupted);
        assertThat(run.compareWithBaselinesProperty().get()).as("the box shows what the resumed run does").isTrue();
        ui.drain();
        assertThat(run.phaseProperty().get()).isEqualTo(RunViewModel.Phase.FINISHED);
        assertThat(run.log()).anyMatch(l -> l.contains("Resuming the interrupted run") && l.contains("after round 2 of 5"));
        StudyResult resumed = run.resultProperty().get();
        assertThat(resumed.history().rounds()).extracting(RoundRecord::round).containsExactly(1, 2, 3, 4, 5);
        // the charts show the rounds before the checkpoint too, as they were in the uninterrupted run
        assertThat(run.points()).extracting(RoundPoint::round).containsExactly(1, 2, 3, 4, 5);
        assertThat(run.points()).extracting(RoundPoint::accuracy)
                .containsExactlyElementsOf(result.history().rounds().stream().map(r -> r.globalMetric("accuracy")).toList());
        assertThat(run.points().get(4).bytesUpSoFar()).isEqualTo(uninterruptedPoints(result).get(4).bytesUpSoFar());
        assertThat(resumed.history().model().toArray()).isEqualTo(result.history().model().toArray());
        assertThat(org.medfed.testsupport.RunFingerprint.of(resumed.history()))
                .isEqualTo(org.medfed.testsupport.RunFingerprint.of(result.history()));
        assertThat(run.keptFolderProperty().get()).isEqualTo(folder);
        vm.show(resumed, run.keptFolderProperty().get());
        ui.drain();
        assertThat(vm.runs()).extracting(RunRecord::status).containsExactly("finished", "finished");
        assertThat(vm.runs().get(1).federatedAccuracy()).isEqualTo(vm.runs().get(0).federatedAccuracy());
    }

    private static List<RoundPoint> uninterruptedPoints(StudyResult result) {
        List<RoundPoint> points = new java.util.ArrayList<>();
        RoundPoint last = null;
        for (RoundRecord r : result.history().rounds()) {
            last = RoundPoint.of(r, last);
            points.add(last);
        }
        return points;
    }
}
