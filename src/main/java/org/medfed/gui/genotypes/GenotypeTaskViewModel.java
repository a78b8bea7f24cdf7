package org.medfed.gui.genotypes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.analytics.gwas.AssociationTest;
import org.medfed.engine.BadInputException;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.ErrorText;
import org.medfed.gui.common.FormField;
import org.medfed.gui.common.NumberFields;
import org.medfed.gui.common.StudyDocument;
import org.medfed.io.DecimalText;
import org.medfed.project.GenotypeSection;
import org.medfed.project.GenotypeSection.Association;
import org.medfed.project.GenotypeSection.Phenotype;
import org.medfed.project.GenotypeSection.Qc;
import org.medfed.project.GenotypeSection.RiskModel;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;

/**
 * The Task screen of a genotype study: an association study or a genetic risk model; which columns of the
 * phenotype sheets hold the id, the phenotype and the covariates; the association test, quality control and
 * significance threshold; the risk model's variants. Choices are written to the study at once, typed numbers once
 * they are valid, and settings the engine would refuse together (a count-based test with covariates, say) are
 * named while the person is still on the form.
 */
public final class GenotypeTaskViewModel {

    /** The study's task values: the association study, or a classifier trained in rounds. */
    public static final String ASSOCIATION = "association";
    public static final String RISK_MODEL = "classification";
    public static final List<String> TASKS = List.of(ASSOCIATION, RISK_MODEL);
    public static final List<String> KINDS = List.of("binary", "quantitative");
    public static final List<String> TESTS = Arrays.stream(AssociationTest.values())
            .map(t -> t.name().toLowerCase(Locale.ROOT)).toList();

    private final StudyDocument document;
    private final BackgroundTasks tasks;
    private final ObservableList<String> sheetColumns = FXCollections.observableArrayList();
    private final ObservableList<String> columnChoices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper columnsStatus = new ReadOnlyStringWrapper("");
    private final ObjectProperty<String> task = new SimpleObjectProperty<>(ASSOCIATION);
    private final ObjectProperty<String> idColumn = new SimpleObjectProperty<>();
    private final ObjectProperty<String> phenotypeColumn = new SimpleObjectProperty<>();
    private final ObjectProperty<String> kind = new SimpleObjectProperty<>("binary");
    private final ObservableList<CovariateChoice> covariates = FXCollections.observableArrayList();
    private final ObjectProperty<String> test = new SimpleObjectProperty<>("logistic");
    private final BooleanProperty adjustForSite = new SimpleBooleanProperty(true);
    private final BooleanProperty hweControlsOnly = new SimpleBooleanProperty(true);
    private final BooleanProperty riskCovariates = new SimpleBooleanProperty(true);
    private final FormField significance;
    private final FormField minSampleCallRate;
    private final FormField minVariantCallRate;
    private final FormField minMaf;
    private final FormField minHweP;
    private final FormField riskVariants;
    private final FormField riskTrainFraction;
    private final FormField riskSplitSeed;
    private final List<FormField> fields;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private Path columnsFrom;
    private boolean loading;

    public GenotypeTaskViewModel(StudyDocument document, BackgroundTasks tasks) {
        this.document = document;
        this.tasks = tasks;
        significance = new FormField("gwas-significance", "Significance threshold (p)",
                "variants with p below this are reported as hits; 5e-8 is the genome-wide convention",
                FormField.number("The significance threshold", 0, false, 1, false), t -> write());
        minSampleCallRate = new FormField("gwas-sample-call-rate", "Minimum sample call rate",
                "samples with genotypes at fewer variants than this share are left out (0.95 = 95 %)",
                FormField.number("The sample call rate", 0, true, 1, true), t -> write());
        minVariantCallRate = new FormField("gwas-variant-call-rate", "Minimum variant call rate",
                "variants called in fewer samples than this share are left out",
                FormField.number("The variant call rate", 0, true, 1, true), t -> write());
        minMaf = new FormField("gwas-maf", "Minimum minor allele frequency",
                "rarer variants are left out (0.01 = 1 %); judged over all hospitals together",
                FormField.number("The minor allele frequency", 0, true, 0.5, true), t -> write());
        minHweP = new FormField("gwas-hwe", "Minimum Hardy-Weinberg p",
                "variants whose exact test p is below this are left out (1e-6 usual; 0 turns the test off)",
                FormField.number("The Hardy-Weinberg p-value", 0, true, 1, true), t -> write());
        riskVariants = new FormField("risk-variants", "Variants of the risk model",
                "ids as in the VCF's ID column, or chrom:pos, separated by commas", this::checkVariants, t -> write());
        riskTrainFraction = new FormField("risk-train-fraction", "Share of each hospital's people for training",
                "the rest tests the model; between 0 and 1, e.g. 0.75",
                FormField.number("The training share", 0, false, 1, false), t -> write());
        riskSplitSeed = new FormField("risk-split-seed", "Split seed", "the same seed gives the same train/test split",
                FormField.wholeNumber("The split seed", 0), t -> write());
        fields = List.of(significance, minSampleCallRate, minVariantCallRate, minMaf, minHweP, riskVariants,
                riskTrainFraction, riskSplitSeed);
        for (FormField f : fields) {
            f.errorProperty().addListener((obs, was, is) -> updateValid());
        }
        task.addListener((obs, was, is) -> {
            riskVariants.show(riskVariants.textProperty().get());
            write();
        });
        for (ObjectProperty<String> choice : List.of(idColumn, phenotypeColumn, kind, test)) {
            choice.addListener((obs, was, is) -> {
                if (choice == idColumn || choice == phenotypeColumn) {
                    refreshCovariates(document.study());
                }
                write();
            });
        }
        for (BooleanProperty b : List.of(adjustForSite, hweControlsOnly, riskCovariates)) {
            b.addListener((obs, was, is) -> write());
        }
        sheetColumns.addListener((javafx.collections.ListChangeListener<String>) c -> show(document.study()));
        document.studyProperty().addListener((obs, was, is) -> {
            show(is);
            loadColumns(is);
        });
        show(document.study());
        loadColumns(document.study());
    }

    // ---- the sheet's columns, read in the background from the first hospital that has a sheet

    private void loadColumns(Study study) {
        Path sheet = firstSheet(study);
        if (Objects.equals(sheet, columnsFrom)) {
            return;
        }
        columnsFrom = sheet;
        if (sheet == null) {
            sheetColumns.clear();
            columnsStatus.set("The columns appear once a hospital has its phenotype sheet (Participants).");
            return;
        }
        columnsStatus.set("Reading the columns of " + sheet.getFileName() + "…");
        tasks.run(() -> SheetColumns.read(sheet), columns -> {
            if (sheet.equals(columnsFrom)) {
                columnsStatus.set("Columns of " + sheet.getFileName() + ".");
                sheetColumns.setAll(columns);
            }
        }, e -> {
            if (sheet.equals(columnsFrom)) {
                columnsStatus.set(ErrorText.plain(e));
                sheetColumns.clear();
            }
        });
    }

    private Path firstSheet(Study study) {
        for (ParticipantEntry p : study.participants()) {
            if (p.data().size() >= 2 && !p.data().get(1).isBlank()) {
                return document.resolve(p.data().get(1));
            }
        }
        return null;
    }

    // ---- from the study to the form

    private void show(Study study) {
        loading = true;
        try {
            GenotypeSection g = study.genotypes();
            Phenotype p = GenotypeEdits.phenotype(g);
            Association a = GenotypeEdits.association(g);
            RiskModel r = GenotypeEdits.riskModel(g);
            List<String> choices = new ArrayList<>(sheetColumns);
            for (String c : new String[] {p.idColumn(), p.column()}) {
                if (c != null && !choices.contains(c)) {
                    choices.add(c);
                }
            }
            p.covariates().stream().filter(c -> !choices.contains(c)).forEach(choices::add);
            if (!choices.equals(columnChoices)) {
                columnChoices.setAll(choices);
            }
            task.set(RISK_MODEL.equalsIgnoreCase(study.task()) ? RISK_MODEL : ASSOCIATION);
            idColumn.set(p.idColumn());
            phenotypeColumn.set(p.column());
            kind.set(p.kind().toLowerCase(Locale.ROOT));
            refreshCovariates(study);
            test.set(a.test().toLowerCase(Locale.ROOT));
            adjustForSite.set(a.adjustForSite());
            var qc = a.qc().settings();
            hweControlsOnly.set(qc.hweControlsOnly());
            riskCovariates.set(r.covariates());
            showNumber(significance, a.significance());
            showNumber(minSampleCallRate, qc.minSampleCallRate());
            showNumber(minVariantCallRate, qc.minVariantCallRate());
            showNumber(minMaf, qc.minMaf());
            showNumber(minHweP, qc.minHweP());
            showNumber(riskTrainFraction, r.trainFraction());
            if (riskSplitSeed.valid() || riskSplitSeed.textProperty().get().isEmpty()) {
                riskSplitSeed.show(String.valueOf(r.splitSeed()));
            }
            if (riskVariants.valid() && !parseVariants(riskVariants.textProperty().get()).equals(r.variants())) {
                riskVariants.show(String.join(", ", r.variants()));
            } else {
                riskVariants.show(riskVariants.textProperty().get());
            }
        } finally {
            loading = false;
        }
        updateValid();
    }

    /** Covariates offered: the sheet's columns other than the id and the phenotype. */
    private void refreshCovariates(Study study) {
        Phenotype p = GenotypeEdits.phenotype(study.genotypes());
        List<String> candidates = columnChoices.stream()
                .filter(c -> !c.equals(idColumn.get()) && !c.equals(phenotypeColumn.get())).toList();
        if (!candidates.equals(covariates.stream().map(CovariateChoice::column).toList())) {
            List<CovariateChoice> fresh = new ArrayList<>();
            for (String c : candidates) {
                CovariateChoice choice = new CovariateChoice(c);
                choice.useProperty().addListener((obs, was, is) -> write());
                fresh.add(choice);
            }
            covariates.setAll(fresh);
        }
        boolean wasLoading = loading;
        loading = true;
        try {
            for (CovariateChoice c : covariates) {
                c.useProperty().set(p.covariates().contains(c.column()));
            }
        } finally {
            loading = wasLoading;
        }
    }

    private static void showNumber(FormField f, double value) {
        if (!f.valid() && !f.textProperty().get().isEmpty()) {
            return; // keep what the person is typing
        }
        double typed = NumberFields.parseDouble(f.textProperty().get());
        if (Double.isNaN(typed) || typed != value) {
            f.show(format(value));
        }
    }

    /** Thresholds as people write them: 0.95, 0.01, 5e-8 (not "5.0E-8"). */
    static String format(double value) {
        if (value != 0 && Math.abs(value) < 1e-4) {
            return DecimalText.asWritten(value);
        }
        return NumberFields.format(value);
    }

    // ---- from the form to the study

    private void write() {
        if (loading) {
            return;
        }
        document.edit(s -> {
            GenotypeSection g = s.genotypes();
            Phenotype oldP = GenotypeEdits.phenotype(g);
            Association oldA = GenotypeEdits.association(g);
            RiskModel oldR = GenotypeEdits.riskModel(g);
            Qc oldQc = GenotypeEdits.qc(g);
            var d = oldQc.settings();
            Phenotype p = GenotypeEdits.phenotype(idColumn.get(), phenotypeColumn.get(),
                    kind.get() == null ? oldP.kind() : kind.get(), chosenCovariates());
            Qc qc = new Qc(number(minSampleCallRate, d.minSampleCallRate()),
                    number(minVariantCallRate, d.minVariantCallRate()), number(minMaf, d.minMaf()),
                    number(minHweP, d.minHweP()), hweControlsOnly.get());
            Association a = GenotypeEdits.association(oldA, test.get() == null ? oldA.test() : test.get(),
                    adjustForSite.get(), qc, number(significance, oldA.significance()));
            boolean risk = RISK_MODEL.equals(task.get());
            RiskModel r = risk || (g != null && g.riskModel() != null)
                    ? GenotypeEdits.riskModel(oldR, riskVariants.valid()
                            ? parseVariants(riskVariants.textProperty().get()) : oldR.variants(),
                            riskCovariates.get(), number(riskTrainFraction, oldR.trainFraction()),
                            riskSplitSeed.valid() ? NumberFields.parseLong(riskSplitSeed.textProperty().get())
                                    : oldR.splitSeed())
                    : null;
            Study next = s.withGenotypes(new GenotypeSection(p, a, r));
            return withTask(next, task.get());
        });
    }

    private List<String> chosenCovariates() {
        return covariates.stream().filter(c -> c.useProperty().get()).map(CovariateChoice::column).toList();
    }

    private static double number(FormField f, double fallback) {
        return f.valid() ? NumberFields.parseDouble(f.textProperty().get()) : fallback;
    }

    static Study withTask(Study s, String task) {
        if (task == null || task.equals(s.task())) {
            return s;
        }
        return new Study(s.schemaVersion(), s.name(), s.description(), task, s.dataType(), s.participants(), s.data(),
                s.imaging(), s.genotypes(), s.model(), s.strategy(), s.training(), s.baselines(), s.privacy(),
                s.defence(), s.compression(), s.simulation(), s.seed(), s.coordinator());
    }

    // ---- checks

    private String checkVariants(String text) {
        if (!RISK_MODEL.equals(task.get())) {
            return null;
        }
        return parseVariants(text).isEmpty()
                ? "Name at least one variant, e.g. syn238, syn511 (ids as in the VCF, or chrom:pos)" : null;
    }

    static List<String> parseVariants(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;\\s]+")).map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
    }

    /** What the engine would refuse in the settings as a whole, or empty. */
    private String combinationProblem() {
        if (phenotypeColumn.get() == null || phenotypeColumn.get().isBlank()) {
            return "Choose the phenotype column: the trait to analyse.";
        }
        if (Objects.equals(idColumn.get(), phenotypeColumn.get())) {
            return "The sample id and the phenotype must be different columns.";
        }
        GenotypeSection g = document.study().genotypes();
        if (RISK_MODEL.equals(task.get())) {
            return "binary".equals(kind.get()) ? ""
                    : "A risk model predicts a binary phenotype (0 = control, 1 = case); '" + phenotypeColumn.get()
                            + "' is quantitative. Choose binary, or run an association study.";
        }
        try {
            GenotypeEdits.association(g).settings(GenotypeEdits.phenotype(g).spec());
            return "";
        } catch (BadInputException e) {
            return ErrorText.plain(e);
        }
    }

    private void updateValid() {
        String p = combinationProblem();
        problem.set(p);
        valid.set(p.isEmpty() && fields.stream().allMatch(FormField::valid));
    }

    /** Lets a person apply the usual fix for a count-based test with covariates: switch to logistic regression. */
    public void useLogisticRegression() {
        test.set("logistic");
    }

    public ObservableList<String> columnChoices() { return columnChoices; }
    public ObservableList<String> sheetColumns() { return sheetColumns; }
    public ReadOnlyStringProperty columnsStatusProperty() { return columnsStatus.getReadOnlyProperty(); }
    public ObjectProperty<String> taskProperty() { return task; }
    public ObjectProperty<String> idColumnProperty() { return idColumn; }
    public ObjectProperty<String> phenotypeColumnProperty() { return phenotypeColumn; }
    public ObjectProperty<String> kindProperty() { return kind; }
    public ObservableList<CovariateChoice> covariates() { return covariates; }
    public ObjectProperty<String> testProperty() { return test; }
    public BooleanProperty adjustForSiteProperty() { return adjustForSite; }
    public BooleanProperty hweControlsOnlyProperty() { return hweControlsOnly; }
    public BooleanProperty riskCovariatesProperty() { return riskCovariates; }
    public FormField significance() { return significance; }
    public FormField minSampleCallRate() { return minSampleCallRate; }
    public FormField minVariantCallRate() { return minVariantCallRate; }
    public FormField minMaf() { return minMaf; }
    public FormField minHweP() { return minHweP; }
    public FormField riskVariants() { return riskVariants; }
    public FormField riskTrainFraction() { return riskTrainFraction; }
    public FormField riskSplitSeed() { return riskSplitSeed; }
    /** What the settings as a whole lack or the engine would refuse; empty when they can run. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty valid() { return valid.getReadOnlyProperty(); }
}
