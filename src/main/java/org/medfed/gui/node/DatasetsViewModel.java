package org.medfed.gui.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.engine.BadInputException;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.HospitalDataCheck;
import org.medfed.gui.common.ReadingGuess;
import org.medfed.gui.common.UserDialogs;
import org.medfed.project.CsvOptions;
import org.medfed.project.DataKind;
import org.medfed.project.NodeConfig;
import org.medfed.project.NodeDataset;

/**
 * The datasets the node registers: add a table (CSV), an image folder, or a VCF with its phenotype sheet, with the
 * Participants screen's choosers; rename (the id the researcher's study names), remove, choose other files; and
 * the chosen dataset shown by {@link DatasetPreview} with the Participants screen's preview and checks.
 */
public final class DatasetsViewModel {

    /** The ids {@code node.json} accepts (its check says the same in words). */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,62}[A-Za-z0-9])?");

    private final NodeSettingsViewModel settings;
    private final UserDialogs dialogs;
    private final DatasetPreview preview;
    private final ObservableList<DatasetRow> rows = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Map<String, String[]> figures = new HashMap<>();

    public DatasetsViewModel(NodeSettingsViewModel settings, BackgroundTasks tasks, UserDialogs dialogs) {
        this.settings = settings;
        this.dialogs = dialogs;
        this.preview = new DatasetPreview(tasks, dialogs, this::report, this::filesChosen, this::readingChosen);
        settings.configProperty().addListener((obs, was, is) -> refresh());
        selected.addListener((obs, was, is) -> showSelected());
        refresh();
    }

    private List<NodeDataset> datasets() {
        NodeConfig c = settings.config();
        return c == null ? List.of() : c.datasets();
    }

    // ---- commands

    /** Registers a new dataset of {@code kind}, its files chosen as on the Participants screen. */
    public void add(DataKind kind) {
        if (settings.config() == null) {
            message.set("Import the start-up kit first.");
            return;
        }
        List<Path> files = switch (kind) {
            case TABLE -> dialogs.chooseDataFiles().stream().limit(1).toList();
            case IMAGES -> dialogs.chooseFolder("Choose the folder of images (one sub-folder per class)")
                    .map(List::of).orElse(List.of());
            case GENOTYPES -> dialogs.chooseGenotypeFiles();
        };
        if (!files.isEmpty()) {
            add(kind, files);
        }
    }

    private String guessNote = "";

    /** Registers a dataset of {@code kind} from {@code files}: a CSV, an image folder, or a VCF and a sheet. */
    public void add(DataKind kind, List<Path> files) {
        Set<String> taken = datasets().stream().map(NodeDataset::id).collect(Collectors.toCollection(HashSet::new));
        String id = uniqueId(files.get(0), taken);
        NodeDataset d = switch (kind) {
            case TABLE -> new NodeDataset.Table(id, files.get(0), guessedReading(files.get(0)));
            case IMAGES -> new NodeDataset.Images(id, files.get(0), null, null);
            case GENOTYPES -> genotypes(id, files, null, null);
        };
        List<NodeDataset> all = new ArrayList<>(datasets());
        all.add(d);
        message.set(guessNote);
        guessNote = "";
        settings.setDatasets(all);
        addKindToPolicy(kind);
        selected.set(all.size() - 1);
    }

    /** How a table just chosen is read: as its first lines suggest, as on the Participants screen. */
    private CsvOptions guessedReading(Path file) {
        List<String> said = new ArrayList<>();
        CsvOptions o = ReadingGuess.apply(file, CsvOptions.NONE, org.medfed.data.csv.CsvFormat.defaults(), said);
        guessNote = ReadingGuess.notice(said);
        return o;
    }

    /** A dataset of a kind the policy does not serve would be refused: the policy serves it from now on. */
    private void addKindToPolicy(DataKind kind) {
        var p = settings.config().policy();
        if (!p.dataKinds().contains(kind)) {
            Set<DataKind> kinds = new HashSet<>(p.dataKinds());
            kinds.add(kind);
            boolean every = p.procedures().equals(org.medfed.project.NodePolicySection.allAllowedBy(p.dataKinds()));
            settings.setPolicy(new org.medfed.project.NodePolicySection(kinds, every
                    ? org.medfed.project.NodePolicySection.allAllowedBy(kinds) : p.procedures(), p.minimumCount(),
                    p.requireDifferentialPrivacy(), p.maxEpsilon(), p.maxRounds()));
            message.set("The policy now serves " + kind.id() + " data too (see Policy).");
        }
    }

    /** Chooses other files for the selected dataset, of its own kind. */
    public void chooseFiles() {
        int i = selected.get();
        if (i < 0 || i >= datasets().size()) {
            return;
        }
        NodeDataset d = datasets().get(i);
        List<Path> files = switch (d.kind()) {
            case TABLE -> dialogs.chooseDataFiles().stream().limit(1).toList();
            case IMAGES -> dialogs.chooseFolder("Choose the folder of images (one sub-folder per class)")
                    .map(List::of).orElse(List.of());
            case GENOTYPES -> dialogs.chooseGenotypeFiles();
        };
        if (!files.isEmpty()) {
            filesChosen(d.id(), files);
        }
    }

    /** Gives dataset {@code id} new files: the first for a table or folder; a VCF and/or sheet for genotypes. */
    void filesChosen(String id, List<Path> files) {
        List<NodeDataset> all = new ArrayList<>(datasets());
        for (int i = 0; i < all.size(); i++) {
            NodeDataset d = all.get(i);
            if (!d.id().equals(id)) {
                continue;
            }
            NodeDataset next;
            if (d instanceof NodeDataset.Table t) {
                next = files.get(0) == null ? t : new NodeDataset.Table(id, files.get(0), t.csv());
            } else if (d instanceof NodeDataset.Images im) {
                next = files.get(0) == null ? im : new NodeDataset.Images(id, files.get(0), im.manifest(), im.masks());
            } else {
                NodeDataset.Genotypes g = (NodeDataset.Genotypes) d;
                next = genotypes(id, files, g.vcf(), g.phenotypes());
            }
            all.set(i, next);
        }
        settings.setDatasets(all);
    }

    /** Dataset {@code id}'s table is read with {@code csv} from now on (chosen on its 'Import options' tab). */
    void readingChosen(String id, CsvOptions csv) {
        List<NodeDataset> all = new ArrayList<>(datasets());
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof NodeDataset.Table t && t.id().equals(id) && !t.csv().equals(csv)) {
                all.set(i, new NodeDataset.Table(id, t.file(), csv));
            }
        }
        if (!all.equals(datasets())) {
            settings.setDatasets(all);
        }
    }

    /** A VCF and a sheet from {@code files} (each replaces the one of its kind); the old ones where none is given. */
    private static NodeDataset genotypes(String id, List<Path> files, Path vcf, Path sheet) {
        for (Path f : files) {
            if (f == null) {
                continue;
            }
            if (HospitalDataCheck.isGenotypeFile(f)) {
                vcf = f;
            } else {
                sheet = f;
            }
        }
        // a missing one is named as a file that is not there yet, which the check then asks for
        return new NodeDataset.Genotypes(id, vcf != null ? vcf : Path.of("choose-the-vcf-file.vcf").toAbsolutePath(),
                sheet != null ? sheet : Path.of("choose-the-phenotype-sheet.csv").toAbsolutePath());
    }

    public void remove() {
        int i = selected.get();
        List<NodeDataset> all = new ArrayList<>(datasets());
        if (i < 0 || i >= all.size()) {
            return;
        }
        all.remove(i);
        settings.setDatasets(all);
        selected.set(Math.min(i, all.size() - 1));
    }

    /** Renames dataset {@code index}: the id the researcher's study names; false, with why, when not usable. */
    public boolean rename(int index, String newId) {
        String id = newId == null ? "" : newId.strip();
        List<NodeDataset> all = new ArrayList<>(datasets());
        if (index < 0 || index >= all.size()) {
            return false;
        }
        if (!ID.matcher(id).matches()) {
            message.set("A dataset id may use only letters, digits, '.', '_' and '-', start and end with a letter "
                    + "or digit, and be at most 64 characters ('" + id + "' is not usable).");
            return false;
        }
        for (int i = 0; i < all.size(); i++) {
            if (i != index && all.get(i).id().equals(id)) {
                message.set("Another dataset is already called '" + id + "'.");
                return false;
            }
        }
        NodeDataset d = all.get(index);
        NodeDataset renamed;
        if (d instanceof NodeDataset.Table t) {
            renamed = new NodeDataset.Table(id, t.file(), t.csv());
        } else if (d instanceof NodeDataset.Images im) {
            renamed = new NodeDataset.Images(id, im.folder(), im.manifest(), im.masks());
        } else {
            NodeDataset.Genotypes g = (NodeDataset.Genotypes) d;
            renamed = new NodeDataset.Genotypes(id, g.vcf(), g.phenotypes());
        }
        all.set(index, renamed);
        figures.remove(d.id());
        settings.setDatasets(all);
        message.set("");
        return true;
    }

    public void select(int index) {
        selected.set(index);
    }

    // ---- keeping the rows in step

    private void refresh() {
        List<DatasetRow> fresh = new ArrayList<>();
        for (NodeDataset d : datasets()) {
            fresh.add(row(d));
        }
        rows.setAll(fresh);
        if (selected.get() >= fresh.size() || (selected.get() < 0 && !fresh.isEmpty())) {
            selected.set(fresh.isEmpty() ? -1 : 0);
        }
        showSelected();
    }

    private DatasetRow row(NodeDataset d) {
        String files = d.files().entrySet().stream().map(e -> e.getValue().toString())
                .collect(Collectors.joining(", "));
        String missing;
        try {
            d.requireFilesExist();
            missing = null;
        } catch (BadInputException e) {
            // the message names the file first and the dataset next; the row already shows both
            missing = "✖ " + e.getMessage().replaceFirst("^.*?dataset '[^']*': ", "");
        }
        String[] f = figures.get(d.id());
        String size = f == null ? "–" : f[0];
        String check = missing != null ? missing : f == null || f[1] == null || f[1].isBlank() ? "✔ files found" : f[1];
        return new DatasetRow(d.id(), kindText(d.kind()), files, size, check);
    }

    static String kindText(DataKind kind) {
        return switch (kind) {
            case TABLE -> "table (CSV)";
            case IMAGES -> "images";
            case GENOTYPES -> "genotypes (VCF + sheet)";
        };
    }

    private void showSelected() {
        int i = selected.get();
        List<NodeDataset> all = datasets();
        preview.show(i >= 0 && i < all.size() ? all.get(i) : null);
    }

    private void report(String id, String size, String balance) {
        figures.put(id, new String[] {size, balance});
        List<NodeDataset> all = datasets();
        for (int i = 0; i < all.size() && i < rows.size(); i++) {
            if (all.get(i).id().equals(id)) {
                DatasetRow next = row(all.get(i));
                if (!next.equals(rows.get(i))) {
                    rows.set(i, next);
                }
            }
        }
    }

    private static String uniqueId(Path file, Set<String> taken) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".vcf.gz", ".vcf.bgz", ".vcf", ".bcf", ".csv", ".tsv", ".txt"}) {
            if (name.endsWith(ext)) {
                name = name.substring(0, name.length() - ext.length());
                break;
            }
        }
        String base = name.replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
        if (base.isEmpty()) {
            base = "data";
        }
        base = base.length() > 60 ? base.substring(0, 60) : base;
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    public ObservableList<DatasetRow> rows() { return rows; }
    public IntegerProperty selectedProperty() { return selected; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public DatasetPreview preview() { return preview; }
}
