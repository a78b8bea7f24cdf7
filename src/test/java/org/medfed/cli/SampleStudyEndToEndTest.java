package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.project.JsonFiles;

/** The README's sample study through the command line, as a user runs it. */
class SampleStudyEndToEndTest {

    static final String STUDY = "sample-projects/heart-4-hospitals/study.json";

    @TempDir
    Path tmp;

    @Test
    void runWritesMetricsResultsSummaryAndAModelThatPredictsAsInTheRun() throws Exception {
        Path out = tmp.resolve("run");
        CliRunner r = CliRunner.run("run", STUDY, "--baselines", "--rounds", "5", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("federated", "local:city-general", "pooled", "mean", "all patients");
        assertThat(r.err()).contains("round 5/5: accuracy").contains("the mean over hospitals");

        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertThat(metrics.get(0)).isEqualTo("round,participant,split,metric,value,clock_seconds,updates_applied");
        assertThat(metrics).anyMatch(l -> l.startsWith("5,global,test,accuracy,"))
                .anyMatch(l -> l.startsWith("1,heart-centre,test,auc,"))
                .anyMatch(l -> l.startsWith("3,rural-clinic,train,loss,"));
        assertThat(Files.readString(out.resolve("results.csv"))).contains("pooled,mean,accuracy,");
        // the terminal's "all patients" AUC is results.csv's (and the Results screen's), not a mean of the hospitals'
        String allAuc = Files.readAllLines(out.resolve("results.csv")).stream()
                .filter(l -> l.startsWith("federated,all,auc,")).findFirst().orElseThrow().split(",")[3];
        String aucTable = r.out().substring(r.out().indexOf("\nauc "));
        String federatedLine = aucTable.lines().filter(l -> l.startsWith("federated ")).findFirst().orElseThrow();
        assertThat(federatedLine).endsWith(String.format(java.util.Locale.ROOT, "%.3f", Double.parseDouble(allAuc)));
        @SuppressWarnings("unchecked")
        var summary = JsonFiles.read(out.resolve("summary.json"), java.util.Map.class);
        assertThat(summary.get("status")).isEqualTo("finished");
        assertThat(summary.get("roundsCompleted")).isEqualTo(5);
        assertThat(out.resolve("model/model.zip")).isRegularFile();
        assertThat(out.resolve("model/model-card.json")).isRegularFile();

        // predictions on the heart centre's file: the rows it tested on must score as the run said
        Path predictions = tmp.resolve("pred.csv");
        CliRunner p = CliRunner.run("predict", "--model", out.resolve("model").toString(), "--input",
                "sample-projects/heart-4-hospitals/data/heart-centre.csv", "--out", predictions.toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(p.err()).contains("260 of 260 rows predicted")
                .contains("note: This is heart-centre's own data"); // the run folder records the study's files
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines.get(0)).endsWith(",predicted,probability_0,probability_1,note");
        assertThat(lines).hasSize(261);
    }

    @Test
    void theSameSeedGivesByteIdenticalMetrics() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(CliRunner.run("run", STUDY, "--rounds", "4", "--seed", "9", "--out", a.toString()).exitCode()).isZero();
        assertThat(CliRunner.run("run", STUDY, "--rounds", "4", "--seed", "9", "--out", b.toString()).exitCode()).isZero();
        assertThat(Files.readString(a.resolve("metrics.csv"))).isEqualTo(Files.readString(b.resolve("metrics.csv")));
        assertThat(Files.readAllBytes(a.resolve("model/model.zip"))).hasSize((int) Files.size(b.resolve("model/model.zip")));
        Path c = tmp.resolve("c");
        assertThat(CliRunner.run("run", STUDY, "--rounds", "4", "--seed", "10", "--out", c.toString()).exitCode()).isZero();
        assertThat(Files.readString(c.resolve("metrics.csv"))).isNotEqualTo(Files.readString(a.resolve("metrics.csv")));
    }

    @Test
    void runWithoutAStudyFileFromParticipantOptions() {
        String data = "sample-projects/heart-4-hospitals/data/";
        CliRunner r = CliRunner.run("run", "--participant", "a=" + data + "city-general.csv", "--participant",
                "b=" + data + "rural-clinic.csv", "--label", "disease", "--model", "mlp", "--hidden", "8",
                "--strategy", "fedprox", "--param", "mu=0.1", "--rounds", "3", "--local-epochs", "1", "--lr", "0.05",
                "--missing", "impute", "--out", tmp.resolve("flags").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("running fedprox over 3 rounds with a, b");
    }

    /**
     * The Pima file split into three hospitals and run with SGD at 0.01 (the study default before 0.05): its 20
     * rounds end while the test loss still falls (0.692 at round 15, 0.671 at round 20), which the run says instead
     * of leaving the federated figures to look final; its zeros that stand for "not recorded" are warned of before.
     * With the defaults it says nothing of the kind ({@link SplitStudyTrainsTest}).
     */
    @Test
    void aRunThatEndsWhileItsModelStillImprovesSaysSo() throws Exception {
        Path pima = org.medfed.testsupport.SharedData.data("pima-indians-diabetes/pima-indians-diabetes.csv");
        Path split = tmp.resolve("pima");
        assertThat(CliRunner.run("split", pima.toString(), "--into", "3", "--label", "column9", "--out",
                split.toString()).exitCode()).isZero();
        CliRunner r = CliRunner.run("run", split.resolve("study.json").toString(), "--lr", "0.01",
                "--out", tmp.resolve("run").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: hospital-2, column 'column3': 17 of its 256 values are 0, far below all "
                + "the others")
                .contains("note: The model was still improving when the run ended: its test loss fell from 0.692 at "
                        + "round 15 to 0.671 at round 20 (3.0 % lower). More rounds, or a larger learning rate, may "
                        + "give a better model.");
        // the model card's caveats carry it, and so the report and the Results screen
        assertThat(Files.readString(tmp.resolve("run/model/model-card.json"))).contains("The model was still improving");
    }

    @Test
    void inspectAndSplit() throws Exception {
        CliRunner i = CliRunner.run("inspect", "sample-projects/heart-4-hospitals/data/mountain-hospital.csv");
        assertThat(i.exitCode()).isZero();
        assertThat(i.out()).contains("mountain-hospital.csv: 90 rows, 9 columns, header row")
                .containsPattern("cholesterol\\s+numeric\\s+16 ")
                .contains("label 'disease' (the last column): 0: 41 (46%), 1: 49 (54%)");

        // a table without the .csv name (the UCI archive's .data, tab-separated .tsv) is inspected as one too
        Path data = Files.write(tmp.resolve("cleveland.data"), List.of("63.0,1.0,145.0,0", "67.0,1.0,160.0,2"));
        CliRunner d = CliRunner.run("inspect", data.toString());
        assertThat(d.exitCode()).as(d.err()).isZero();
        assertThat(d.out()).contains("cleveland.data: 2 rows, 4 columns, no header row");
        Path tsv = Files.write(tmp.resolve("heart.tsv"), List.of("age\tdisease", "63\t0", "67\t1"));
        CliRunner t = CliRunner.run("inspect", tsv.toString());
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.out()).contains("heart.tsv: 2 rows, 2 columns, header row");
        CliRunner b = CliRunner.run("inspect", Files.write(tmp.resolve("blob.bin"), new byte[] {1, 0, 2}).toString());
        assertThat(b.exitCode()).isNotZero();
        assertThat(b.err()).contains("blob.bin", "is not supported by inspect");

        Path split = tmp.resolve("split");
        CliRunner s = CliRunner.run("split", "sample-projects/heart-4-hospitals/data/city-general.csv", "--into", "3",
                "--by", "dirichlet:0.5", "--label", "disease", "--out", split.toString());
        assertThat(s.exitCode()).as(s.err()).isZero();
        long rows = 0;
        for (int h = 1; h <= 3; h++) {
            rows += Files.readAllLines(split.resolve("hospital-" + h + ".csv")).size() - 1;
        }
        assertThat(rows).isEqualTo(400);
        CliRunner run = CliRunner.run("run", split.resolve("study.json").toString(), "--rounds", "2", "--out",
                tmp.resolve("split-run").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }
}
