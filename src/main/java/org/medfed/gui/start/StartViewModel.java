package org.medfed.gui.start;

import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.gui.common.SampleStudies;
import org.medfed.gui.shell.ShellViewModel;

/** The Start screen: the sample gallery, recent studies, New and Open. */
public final class StartViewModel {

    private final ShellViewModel shell;
    private final ObservableList<SampleStudies.Sample> samples = FXCollections.observableArrayList();
    private final Runnable runNode;

    /** @param runNode opens a hospital node's window (the hospital's side of a multi-site study) */
    public StartViewModel(ShellViewModel shell, List<SampleStudies.Sample> samples, Runnable runNode) {
        this.shell = shell;
        this.samples.setAll(samples);
        this.runNode = runNode;
    }

    public void runNode() {
        runNode.run();
    }

    public ObservableList<SampleStudies.Sample> samples() {
        return samples;
    }

    public ObservableList<Path> recent() {
        return shell.recent();
    }

    public void openSample(SampleStudies.Sample sample) {
        shell.open(sample.studyFile());
    }

    public void openRecent(Path file) {
        shell.open(file);
    }

    public void newStudy() {
        shell.newStudy();
    }

    public void newStudy(org.medfed.gui.common.DataKind kind) {
        shell.newStudy(kind);
    }

    public void open() {
        shell.open();
    }
}
