package org.medfed.gui.results;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.study.RunFigures;
import org.medfed.study.RunFolder;

/**
 * Every run of a saved study is kept beside it, in {@code <study folder>/<study file name>.runs/<yyyyMMdd-HHmmss>/}:
 * the command line's outputs (metrics.csv, results.csv, summary.json, model/), the study as it was run
 * ({@code study.json}) and {@code run.properties}, written by {@link RunFolder} as the command line writes its
 * runs; a folder that is not finished (a crash while writing) is not listed.
 */
public final class RunHistoryStore {

    static final String INFO = RunFolder.INFO;
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final java.util.function.Supplier<LocalDateTime> clock;

    public RunHistoryStore() {
        this(LocalDateTime::now);
    }

    RunHistoryStore(java.util.function.Supplier<LocalDateTime> clock) {
        this.clock = clock;
    }

    public static Path folderFor(Path studyFile) {
        return RunFolder.historyOf(studyFile);
    }

    /**
     * The folder for a new run of the study, not taken yet: the run takes it ({@link RunFolder#create}) once its
     * data are ready, and writes its checkpoints there as {@code medfed run} does, so that a run the workbench did
     * not see end (a crash, a power cut) can be resumed from the history.
     */
    public Path newFolder(Path studyFile) {
        Path base = folderFor(studyFile);
        String stamp = clock.get().format(FOLDER);
        Path dir = base.resolve(stamp);
        for (int n = 2; Files.exists(dir); n++) {
            dir = base.resolve(stamp + "-" + n);
        }
        return dir;
    }

    /**
     * The study's earlier runs, newest first: the finished ones, and the interrupted ones that can be resumed
     * (their folder says running, nobody is writing it, and it holds a checkpoint); folders that cannot be read are
     * skipped.
     */
    public List<RunRecord> list(Path studyFile) {
        Path base = folderFor(studyFile);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        List<RunRecord> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(base)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                try {
                    if (RunFolder.isFinished(dir)) {
                        out.add(read(dir));
                    } else if (!RunFolder.isBeingWritten(dir)) {
                        out.add(readInterrupted(dir));
                    }
                } catch (IOException | RuntimeException e) {
                    // a damaged run folder, or one interrupted before its first checkpoint, does not hide the others
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }

    /** An interrupted run, with the rounds its checkpoint holds; refused (thrown) when it cannot be resumed. */
    static RunRecord readInterrupted(Path dir) {
        RunFolder.Interrupted run = RunFolder.at(dir).interrupted();
        Study study = run.study();
        return new RunRecord(dir, pretty(String.valueOf(dir.getFileName())), RunRecord.INTERRUPTED,
                study.strategy().id(), model(study), run.checkpoint().round(), run.checkpoint().roundsPlanned(),
                study.training().learningRate(), run.seed(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, "",
                "as set in the study", Double.NaN);
    }

    private static String model(Study study) {
        return study.model().type() + (study.model().hidden().isEmpty() ? "" : " " + study.model().hidden());
    }

    static RunRecord read(Path dir) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(dir.resolve(INFO), StandardCharsets.ISO_8859_1)));
        Study study = StudyFile.load(dir.resolve("study.json"));
        RunFigures f = RunFigures.of(dir, p);
        String folderName = String.valueOf(dir.getFileName());
        return new RunRecord(dir, pretty(folderName), p.getProperty("status", "?"), study.strategy().id(), model(study),
                Integer.parseInt(p.getProperty("roundsCompleted", "0")),
                Integer.parseInt(p.getProperty("roundsPlanned", "0")), study.training().learningRate(),
                Long.parseLong(p.getProperty("seed", String.valueOf(study.seed()))), f.federatedAccuracy(),
                f.federatedAuc(), f.pooledAccuracy(), f.bestAloneAccuracy(), f.bestAlone(), p.getProperty("privacy", ""),
                Double.parseDouble(p.getProperty("epsilon", "NaN")));
    }

    /** "20261125-142301" as "2026-11-25 14:23:01". */
    static String pretty(String folder) {
        if (folder.length() >= 15 && folder.charAt(8) == '-') {
            return folder.substring(0, 4) + "-" + folder.substring(4, 6) + "-" + folder.substring(6, 8) + " "
                    + folder.substring(9, 11) + ":" + folder.substring(11, 13) + ":" + folder.substring(13, 15)
                    + folder.substring(15);
        }
        return folder;
    }
}
