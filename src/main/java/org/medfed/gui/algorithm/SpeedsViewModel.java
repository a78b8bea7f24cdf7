package org.medfed.gui.algorithm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.engine.BadInputException;
import org.medfed.engine.clock.HospitalSpeeds;
import org.medfed.engine.clock.SpeedProfile;
import org.medfed.gui.common.FormField;
import org.medfed.gui.common.HospitalFinder;
import org.medfed.gui.common.NumberFields;
import org.medfed.gui.common.StudyDocument;
import org.medfed.project.SimulationSection;
import org.medfed.project.Study;
import org.medfed.study.MultiSiteStudy;
import org.medfed.study.ResultsTable;

/**
 * The "Hospital speeds" part of the Algorithm screen: every hospital's simulated speed (seconds per local step,
 * download and upload bandwidth, drop-out chance), one row for every hospital at once and one per hospital, with
 * the "one slow hospital" preset for teaching. The rows show what the run's clock will use; a figure typed for one
 * hospital is kept as that hospital's own, and typing the preset's figure back forgets it. The checks are the
 * clock's own ({@link SpeedProfile}); only valid figures reach the study.
 */
public final class SpeedsViewModel {

    /** One figure of a speed profile, read and replaced the same way in the profile and in the study section. */
    public enum Figure {
        SECONDS_PER_STEP("secondsPerStep", "Seconds per local step", SpeedProfile::secondsPerStep,
                (p, v) -> new SpeedProfile(v, p.downloadMbps(), p.uploadMbps(), p.dropout()),
                SimulationSection.Speed::secondsPerStep,
                (s, v) -> new SimulationSection.Speed(v, s.downloadMbps(), s.uploadMbps(), s.dropout())),
        DOWNLOAD("downloadMbps", "Download (Mbit/s)", SpeedProfile::downloadMbps,
                (p, v) -> new SpeedProfile(p.secondsPerStep(), v, p.uploadMbps(), p.dropout()),
                SimulationSection.Speed::downloadMbps,
                (s, v) -> new SimulationSection.Speed(s.secondsPerStep(), v, s.uploadMbps(), s.dropout())),
        UPLOAD("uploadMbps", "Upload (Mbit/s)", SpeedProfile::uploadMbps,
                (p, v) -> new SpeedProfile(p.secondsPerStep(), p.downloadMbps(), v, p.dropout()),
                SimulationSection.Speed::uploadMbps,
                (s, v) -> new SimulationSection.Speed(s.secondsPerStep(), s.downloadMbps(), v, s.dropout())),
        DROPOUT("dropout", "Drop-out chance", SpeedProfile::dropout,
                (p, v) -> new SpeedProfile(p.secondsPerStep(), p.downloadMbps(), p.uploadMbps(), v),
                SimulationSection.Speed::dropout,
                (s, v) -> new SimulationSection.Speed(s.secondsPerStep(), s.downloadMbps(), s.uploadMbps(), v));

        private final String id;
        private final String label;
        private final Function<SpeedProfile, Double> read;
        private final BiFunction<SpeedProfile, Double, SpeedProfile> replace;
        private final Function<SimulationSection.Speed, Double> readOwn;
        private final BiFunction<SimulationSection.Speed, Double, SimulationSection.Speed> replaceOwn;

        Figure(String id, String label, Function<SpeedProfile, Double> read,
               BiFunction<SpeedProfile, Double, SpeedProfile> replace, Function<SimulationSection.Speed, Double> readOwn,
               BiFunction<SimulationSection.Speed, Double, SimulationSection.Speed> replaceOwn) {
            this.id = id;
            this.label = label;
            this.read = read;
            this.replace = replace;
            this.readOwn = readOwn;
            this.replaceOwn = replaceOwn;
        }

        public String id() { return id; }
        public String label() { return label; }
        double of(SpeedProfile p) { return read.apply(p); }
    }

    /** One line of the table: every hospital at once ({@link #hospital} null) or one hospital. */
    public static final class SpeedRow {
        private final String hospital;
        private final Map<Figure, FormField> fields = new EnumMap<>(Figure.class);
        private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");

        SpeedRow(String hospital) {
            this.hospital = hospital;
        }

        /** The hospital, or null for the row that sets every hospital's speed. */
        public String hospital() { return hospital; }
        public String label() { return hospital == null ? EVERY_HOSPITAL : hospital; }
        public FormField field(Figure f) { return fields.get(f); }
        /** "ten times slower (preset)", "own speed", or empty. */
        public ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }
    }

    public static final String EVERY_HOSPITAL = "Every hospital";
    static final String SLOW_NOTE = NumberFields.format(HospitalSpeeds.SLOW_FACTOR) + " times slower (the preset)";

    private final StudyDocument document;
    private final ObservableList<SpeedRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> errors = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper presetText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nodesNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper oneSlow = new ReadOnlyBooleanWrapper();
    private List<String> names = List.of();
    /** The row a search for a hospital by name found last, -1 for none: where Enter's next search starts. */
    private int found = -1;
    private final HospitalFinder finder = new HospitalFinder();
    /** Past a dozen hospitals (the rows are every hospital, then each one), the table is searched, not scrolled. */
    private final BooleanBinding manyHospitals = Bindings.size(rows).greaterThan(ResultsTable.MOST_COLUMNS + 1);
    private HospitalSpeeds speeds = HospitalSpeeds.uniform();
    private boolean showing;

    public SpeedsViewModel(StudyDocument document) {
        this.document = document;
        document.studyProperty().addListener((obs, was, is) -> {
            if (was == null || !Objects.equals(was.simulation(), is.simulation())
                    || !Objects.equals(was.participants(), is.participants())) {
                show(is);
            }
        });
        show(document.study());
    }

    /** The teaching preset: the last hospital by name ten times slower; the hospitals' own figures are dropped. */
    public void oneSlowHospital() {
        document.edit(s -> s.withSimulation(normal(new SimulationSection(SimulationSection.ONE_SLOW,
                section(s).defaults(), null))));
    }

    /** Every hospital at the speed of the first row; the hospitals' own figures are dropped. */
    public void sameSpeed() {
        document.edit(s -> s.withSimulation(normal(new SimulationSection(SimulationSection.UNIFORM,
                section(s).defaults(), null))));
    }

    private static List<String> hospitals(Study s) {
        return s.enabledParticipants().stream().map(p -> p.name()).sorted().toList();
    }

    private static SimulationSection section(Study s) {
        return s.simulation() == null ? new SimulationSection(null, null, null) : s.simulation();
    }

    /** No section at all when it says nothing the default clock does not: the study file stays as it was. */
    private static SimulationSection normal(SimulationSection s) {
        boolean plainDefaults = s.defaults() == null || s.defaults().equals(new SimulationSection.Speed(null, null, null, null));
        return s.preset().equals(SimulationSection.UNIFORM) && plainDefaults && s.hospitals().isEmpty() ? null : s;
    }

    // ---- study -> rows

    private void show(Study study) {
        List<String> now = hospitals(study);
        if (!now.equals(names) || rows.isEmpty()) {
            names = now;
            found = -1;
            List<SpeedRow> next = new ArrayList<>();
            next.add(row(null));
            now.forEach(n -> next.add(row(n)));
            rows.setAll(next);
        }
        SimulationSection sim = section(study);
        problems.clear();
        try {
            speeds = sim.speeds(names);
        } catch (BadInputException e) {
            problems.add(sentence(e.getMessage()) + " (Algorithm, hospital speeds).");
            // the checks then measure a figure against the clock's defaults
            speeds = HospitalSpeeds.uniform();
        }
        oneSlow.set(sim.preset().equals(SimulationSection.ONE_SLOW));
        String slow = oneSlow.get() && !names.isEmpty() ? names.get(names.size() - 1) : null;
        presetText.set(slow == null ? "Every hospital runs at the speed of the first row, unless given its own."
                : "One slow hospital: " + slow + " is " + NumberFields.format(HospitalSpeeds.SLOW_FACTOR)
                + " times slower than the others in training and on its link, so a synchronous round waits for it.");
        nodesNote.set(MultiSiteStudy.isMultiSite(study) ? "This study's hospitals are real nodes: their real speeds "
                + "count and these figures are not used (they apply when the study is simulated)." : "");
        // the fields' checks fire as each is shown: the errors are gathered once at the end, not once per field
        // (with thousands of hospitals that was quadratic)
        showing = true;
        try {
            for (SpeedRow r : rows) {
                SpeedProfile p = shown(r);
                for (Figure f : Figure.values()) {
                    AlgorithmViewModel.showIfDifferent(r.fields.get(f), NumberFields.format(f.of(p)));
                }
                SimulationSection.Speed own = r.hospital == null ? null : sim.hospitals().get(r.hospital);
                r.note.set(own != null ? "own speed" : r.hospital != null && r.hospital.equals(slow) ? SLOW_NOTE : "");
            }
        } finally {
            showing = false;
        }
        updateValid();
    }

    private SpeedRow row(String hospital) {
        SpeedRow r = new SpeedRow(hospital);
        for (Figure f : Figure.values()) {
            FormField field = new FormField((hospital == null ? "every" : hospital) + "-" + f.id, f.label,
                    help(f), t -> check(r, f, t), t -> set(hospital, f, NumberFields.parseDouble(t)));
            field.errorProperty().addListener((obs, was, is) -> {
                if (!showing) {
                    updateValid();
                }
            });
            r.fields.put(f, field);
        }
        return r;
    }

    private static String help(Figure f) {
        return switch (f) {
            case SECONDS_PER_STEP -> "simulated seconds one training step (one batch) takes at this hospital";
            case DOWNLOAD -> "megabits per second from the coordinator to the hospital";
            case UPLOAD -> "megabits per second from the hospital to the coordinator";
            case DROPOUT -> "chance in [0, 1) that an update is lost on the way (0.1: one in ten)";
        };
    }

    /** The clock's own check: the row's profile with this figure must be a profile the clock accepts. */
    private String check(SpeedRow r, Figure f, String text) {
        double v = NumberFields.parseDouble(text);
        if (Double.isNaN(v)) {
            return f.label + " must be a number";
        }
        try {
            f.replace.apply(shown(r), v);
            return null;
        } catch (BadInputException e) {
            return sentence(e.getMessage());
        }
    }

    /**
     * The row's profile as the study holds it, for showing and for checking one new figure against: the speeds
     * worked out at the study's last change ({@link #show}), not again for each field.
     */
    private SpeedProfile shown(SpeedRow r) {
        return r.hospital == null ? speeds.defaults() : speeds.profile(r.hospital);
    }

    // ---- row -> study

    private void set(String hospital, Figure f, double value) {
        document.edit(s -> {
            SimulationSection sim = section(s);
            if (hospital == null) {
                SimulationSection.Speed d = sim.defaults() == null ? new SimulationSection.Speed(null, null, null, null)
                        : sim.defaults();
                Double v = value == f.of(SpeedProfile.DEFAULT) ? null : value;
                return s.withSimulation(normal(new SimulationSection(sim.preset(), f.replaceOwn.apply(d, v),
                        sim.hospitals())));
            }
            // the figure the preset gives this hospital: typing it back forgets the hospital's own figure
            SpeedProfile preset = new SimulationSection(sim.preset(), sim.defaults(), null).speeds(names).profile(hospital);
            Map<String, SimulationSection.Speed> own = new LinkedHashMap<>(sim.hospitals());
            SimulationSection.Speed mine = own.getOrDefault(hospital, new SimulationSection.Speed(null, null, null, null));
            mine = f.replaceOwn.apply(mine, value == f.of(preset) ? null : value);
            if (isEmpty(mine)) {
                own.remove(hospital);
            } else {
                own.put(hospital, mine);
            }
            return s.withSimulation(normal(new SimulationSection(sim.preset(), sim.defaults(), own)));
        });
    }

    private static boolean isEmpty(SimulationSection.Speed s) {
        return java.util.Arrays.stream(Figure.values()).allMatch(f -> f.readOwn.apply(s) == null);
    }

    private void updateValid() {
        List<String> next = new ArrayList<>();
        for (SpeedRow r : rows) {
            for (Figure f : Figure.values()) {
                FormField field = r.fields.get(f);
                if (!field.valid()) {
                    next.add(r.label() + ": " + field.errorProperty().get());
                }
            }
        }
        if (!next.equals(errors)) {
            errors.setAll(next);
        }
        valid.set(next.isEmpty());
    }

    private static String sentence(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    /**
     * Finds the first hospital whose name holds {@code text} (ignoring case), or with {@code next} the one after the
     * last found, wrapping round: returns its row, -1 when none matches or nothing is searched;
     * {@link #findStatusProperty()} says which of how many it is.
     */
    public int find(String text, boolean next) {
        // the rows are "every hospital" and then the names in order: row i + 1 is names[i]
        int i = finder.find(names, text, next ? found - 1 : -1);
        if (i < 0) {
            return -1;
        }
        found = i + 1;
        return found;
    }

    /** The table's rows: every hospital at once first, then each hospital by name. */
    public ObservableList<SpeedRow> rows() { return rows; }
    /** The row of one hospital, or of every hospital for null. */
    public SpeedRow rowOf(String hospital) {
        return rows.stream().filter(r -> Objects.equals(r.hospital, hospital)).findFirst().orElseThrow();
    }
    /** What is wrong with the figures typed, one line per field, naming the row. */
    public ObservableList<String> errors() { return errors; }
    /** Speeds in the study that a run would refuse (a hospital with a speed that no longer takes part). */
    public ObservableList<String> problems() { return problems; }
    public ReadOnlyStringProperty presetTextProperty() { return presetText.getReadOnlyProperty(); }
    /** Why the speeds do not apply (the hospitals are real nodes), or empty. */
    public ReadOnlyStringProperty nodesNoteProperty() { return nodesNote.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty oneSlowProperty() { return oneSlow.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty valid() { return valid.getReadOnlyProperty(); }
    public ReadOnlyStringProperty findStatusProperty() { return finder.statusProperty(); }
    /** More hospitals than the table shows at once (past a dozen): finding one by name helps. */
    public BooleanBinding manyHospitalsProperty() { return manyHospitals; }
}
