package org.medfed.gui.genotypes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.analytics.gwas.AssociationTest;
import org.medfed.analytics.gwas.GwasSettings;
import org.medfed.data.vcf.MultiAllelicPolicy;
import org.medfed.data.vcf.PhenotypeKind;
import org.medfed.engine.BadInputException;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.DataKind;
import org.medfed.gui.common.ErrorText;
import org.medfed.gui.common.HospitalDataCheck;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.UserDialogs;
import org.medfed.project.GenotypeSection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.study.AssociationStudy;

/**
 * The Participants screen's pane for a genotype study: the chosen hospital's VCF file and phenotype sheet (each
 * chosen by dialog) and the quality-control summary of every hospital, read in the background with the study's
 * settings and kept until the files or the settings that change it do.
 */
public final class GenotypeFilesViewModel {

    /** Receives each hospital's analysed samples and case/control balance, for the hospitals table. */
    @FunctionalInterface
    public interface FiguresSink {
        void report(String hospital, String samples, String balance);
    }

    private final StudyDocument document;
    private final BackgroundTasks tasks;
    private final UserDialogs dialogs;
    private final ObservableIntegerValue selected;
    private final FiguresSink figures;
    private final ReadOnlyStringWrapper hospital = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper vcfText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sheetText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<HospitalQc> qc = new ReadOnlyObjectWrapper<>();
    private final ObservableList<HospitalQc.Line> qcLines = FXCollections.observableArrayList();
    private final ObservableList<String> overview = FXCollections.observableArrayList();
    private final ObservableList<String> blockingProblems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasHospital = new ReadOnlyBooleanWrapper();

    /** What a check depends on: both files and the settings quality control uses. */
    private record Key(Path vcf, Path sheet, GwasSettings settings) {
    }

    private final Map<Key, HospitalQc> done = new HashMap<>();
    private final Map<Key, Throwable> failed = new HashMap<>();
    private final Set<Key> running = new HashSet<>();

    public GenotypeFilesViewModel(StudyDocument document, BackgroundTasks tasks, UserDialogs dialogs,
            ObservableIntegerValue selected, FiguresSink figures) {
        this.document = document;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.selected = selected;
        this.figures = figures;
        document.studyProperty().addListener((obs, was, is) -> refresh());
        document.fileProperty().addListener((obs, was, is) -> refresh());
        selected.addListener((obs, was, is) -> refresh());
        refresh();
    }

    // ---- commands

    public void chooseVcf() {
        choose(0);
    }

    public void chooseSheet() {
        choose(1);
    }

    private void choose(int slot) {
        int index = selected.get();
        if (index < 0 || index >= document.study().participants().size()) {
            return;
        }
        List<Path> files = dialogs.chooseGenotypeFiles();
        if (!files.isEmpty()) {
            assign(index, slot, files.get(0));
        }
    }

    /** Sets hospital {@code index}'s VCF ({@code slot} 0) or phenotype sheet (1). */
    public void assign(int index, int slot, Path file) {
        boolean isVcf = HospitalDataCheck.isGenotypeFile(file);
        if (slot == 0 && !isVcf) {
            status.set(file.getFileName() + " is not a genotype file: choose a .vcf, .vcf.gz or .bcf file.");
            error.set(true);
            return;
        }
        if (slot == 1 && isVcf) {
            status.set(file.getFileName() + " is a genotype file: the phenotype sheet is a CSV table "
                    + "(sample id, phenotype, covariates).");
            error.set(true);
            return;
        }
        String path = document.dataPathFor(file);
        document.edit(s -> {
            List<ParticipantEntry> all = new ArrayList<>(s.participants());
            if (index < 0 || index >= all.size()) {
                return s;
            }
            List<String> data = new ArrayList<>(all.get(index).data());
            while (data.size() < 2) {
                data.add("");
            }
            data.set(slot, path);
            all.set(index, all.get(index).withData(data));
            return s.withParticipants(all);
        });
    }

    /** Checks the files again (after they were changed outside the workbench). */
    public void recheck() {
        done.clear();
        failed.clear();
        refresh();
    }

    // ---- state

    private void refresh() {
        Study study = document.study();
        if (DataKind.of(study) != DataKind.GENOTYPES) {
            if (!blockingProblems.isEmpty()) {
                blockingProblems.clear();
            }
            return;
        }
        GwasSettings settings = settings(study);
        List<String> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ParticipantEntry p : study.participants()) {
            Key key = key(p, settings);
            if (key != null && !done.containsKey(key) && !failed.containsKey(key) && !running.contains(key)) {
                check(p.name(), key);
            }
            lines.add(overviewLine(p, key, settings));
            if (key != null && failed.containsKey(key) && p.enabled()) {
                problems.add("Hospital '" + p.name() + "': " + ErrorText.plain(failed.get(key)) + " (Participants).");
            }
        }
        if (!lines.equals(overview)) {
            overview.setAll(lines);
        }
        if (!problems.equals(blockingProblems)) {
            blockingProblems.setAll(problems);
        }
        showSelected(study, settings);
    }

    private void showSelected(Study study, GwasSettings settings) {
        int i = selected.get();
        if (i < 0 || i >= study.participants().size()) {
            hasHospital.set(false);
            hospital.set(study.participants().isEmpty() ? "Add hospitals with \"Add hospitals…\": choose each "
                    + "hospital's VCF file and phenotype sheet together." : "Choose a hospital to see its files.");
            vcfText.set("");
            sheetText.set("");
            setQc(null);
            status.set("");
            error.set(false);
            return;
        }
        ParticipantEntry p = study.participants().get(i);
        hasHospital.set(true);
        hospital.set(p.name());
        vcfText.set(slot(p, 0).isBlank() ? "no VCF file yet" : slot(p, 0));
        sheetText.set(slot(p, 1).isBlank() ? "no phenotype sheet yet" : slot(p, 1));
        Key key = key(p, settings);
        if (key == null) {
            setQc(null);
            error.set(false);
            status.set(settings == null ? settingsHint(study)
                    : HospitalDataCheck.problem(DataKind.GENOTYPES, p, document).orElse(""));
            error.set(settings != null);
        } else if (done.containsKey(key)) {
            HospitalQc q = done.get(key);
            setQc(q);
            status.set(q.note());
            error.set(false);
        } else if (failed.containsKey(key)) {
            setQc(null);
            status.set(ErrorText.plain(failed.get(key)));
            error.set(true);
        } else {
            setQc(null);
            status.set("Reading " + key.vcf().getFileName() + " and " + key.sheet().getFileName() + "…");
            error.set(false);
        }
    }

    private void setQc(HospitalQc q) {
        qc.set(q);
        if (q == null) {
            qcLines.clear();
        } else {
            qcLines.setAll(q.lines());
        }
    }

    private String overviewLine(ParticipantEntry p, Key key, GwasSettings settings) {
        if (key == null) {
            return p.name() + ": " + (settings == null ? "waiting for the phenotype settings (Task and model)"
                    : HospitalDataCheck.problem(DataKind.GENOTYPES, p, document).orElse("files not chosen"));
        }
        if (done.containsKey(key)) {
            return done.get(key).headline();
        }
        if (failed.containsKey(key)) {
            return p.name() + ": ✖ " + ErrorText.plain(failed.get(key));
        }
        return p.name() + ": reading…";
    }

    private static String settingsHint(Study study) {
        GenotypeSection g = study.genotypes();
        if (g == null || g.phenotype() == null || g.phenotype().column() == null) {
            return "Choose the phenotype column (Task and model) to check the sheets against the VCF files.";
        }
        return "The study's quality-control settings cannot be used as they are: see Task and model.";
    }

    private void check(String name, Key key) {
        running.add(key);
        // the study's own genotype cache: its first run then finds this hospital's VCF already read
        Path cache = document.file() == null ? null : AssociationStudy.genotypeCache(document.file());
        tasks.run(() -> HospitalQcCheck.check(name, key.vcf(), key.sheet(), key.settings(), cache), q -> {
            running.remove(key);
            done.put(key, q);
            figures.report(name, q.samplesPassing() < 0 ? String.valueOf(q.matched()) : String.valueOf(q.samplesPassing()),
                    q.binary() && q.samplesPassing() >= 0 ? q.cases() + " cases / " + q.controls() + " controls" : "");
            refresh();
        }, e -> {
            running.remove(key);
            failed.put(key, e);
            figures.report(name, "–", "✖ its files cannot be used (see below)");
            refresh();
        });
    }

    private Key key(ParticipantEntry p, GwasSettings settings) {
        if (settings == null || HospitalDataCheck.problem(DataKind.GENOTYPES, p, document).isPresent()) {
            return null;
        }
        return new Key(document.resolve(slot(p, 0)), document.resolve(slot(p, 1)), settings);
    }

    private static String slot(ParticipantEntry p, int slot) {
        return p.data().size() > slot ? p.data().get(slot) : "";
    }

    /** The settings a check uses; the threshold for hits does not change quality control, so it is left out. */
    static GwasSettings settings(Study study) {
        GenotypeSection g = study.genotypes();
        if (g == null || g.phenotype() == null || g.phenotype().column() == null) {
            return null;
        }
        var association = g.association() != null ? g.association()
                : new GenotypeSection.Association(null, null, null, null, null);
        try {
            return association.settings(g.phenotype().spec()).withSignificance(GwasSettings.GENOME_WIDE);
        } catch (BadInputException e) {
            // the test does not go with the phenotype or covariates (the Task screen says so); quality control does
            // not depend on the test, so the files are still checked, with the regression that fits the phenotype
            try {
                var spec = g.phenotype().spec();
                AssociationTest test = spec.kind() == PhenotypeKind.BINARY ? AssociationTest.LOGISTIC : AssociationTest.LINEAR;
                return new GwasSettings(spec, test, association.qc().settings(), false, GwasSettings.GENOME_WIDE,
                        MultiAllelicPolicy.valueOf(association.multiAllelic().toUpperCase(java.util.Locale.ROOT)));
            } catch (BadInputException | IllegalArgumentException again) {
                return null;
            }
        }
    }

    public ReadOnlyStringProperty hospitalProperty() { return hospital.getReadOnlyProperty(); }
    public ReadOnlyStringProperty vcfTextProperty() { return vcfText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty sheetTextProperty() { return sheetText.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<HospitalQc> qcProperty() { return qc.getReadOnlyProperty(); }
    public ObservableList<HospitalQc.Line> qcLines() { return qcLines; }
    /** One line per hospital: its headline figures, "reading…", or what is wrong. */
    public ObservableList<String> overview() { return overview; }
    /** Hospitals whose files cannot be read as the study needs: they keep the study from running. */
    public ObservableList<String> blockingProblems() { return blockingProblems; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty hasHospitalProperty() { return hasHospital.getReadOnlyProperty(); }
    /** True while a hospital's files are being read. */
    public boolean busy() { return !running.isEmpty(); }
    /** For tests: the finished check of a hospital's current files, or null. */
    HospitalQc qcOf(String hospitalName) {
        Study study = document.study();
        GwasSettings settings = settings(study);
        return study.participants().stream().filter(p -> Objects.equals(p.name(), hospitalName)).findFirst()
                .map(p -> key(p, settings)).map(done::get).orElse(null);
    }
}
