package org.medfed.gui.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.gui.testing.StubDialogs;
import org.medfed.project.DataKind;
import org.medfed.project.CsvOptions;
import org.medfed.project.NodeConfigFile;
import org.medfed.project.NodeDataset;

class DatasetsViewModelTest {

    private static final Path PHANTOM = Path.of("sample-projects/phantom-4-hospitals/data/hospital-a").toAbsolutePath();
    private static final Path GENOTYPES = Path.of("sample-projects/genotypes-4-hospitals").toAbsolutePath();

    @TempDir
    Path dir;

    private final StubDialogs dialogs = new StubDialogs();
    private final QueuedUi ui = QueuedUi.sameThread();
    private NodeSettingsViewModel settings;
    private DatasetsViewModel vm;

    @BeforeEach
    void openKit() {
        settings = new NodeSettingsViewModel(dialogs);
        settings.importKit(NodeKits.hospital(NodeKits.provision(dir.resolve("kit"), "heart", 7443, "hospital-a"),
                "hospital-a"));
        vm = new DatasetsViewModel(settings, ui, dialogs);
        ui.drain();
    }

    @Test
    void theKitsPlaceholderTableAsksForItsFile() {
        assertThat(vm.rows()).hasSize(1);
        DatasetRow placeholder = vm.rows().get(0);
        assertThat(placeholder.id()).isEqualTo("data");
        assertThat(placeholder.kind()).isEqualTo("table (CSV)");
        assertThat(placeholder.check()).startsWith("✖ the file named by \"file\" is not there (looked for ")
                .endsWith("data/table.csv)");
    }

    @Test
    void aTableIsPreviewedAndCheckedAsOnTheParticipantsScreen() {
        dialogs.dataFiles.add(List.of(NodeKits.HEART.resolve("city-general.csv")));
        vm.add(DataKind.TABLE);
        ui.drain();

        assertThat(vm.rows()).extracting(DatasetRow::id).containsExactly("data", "city-general");
        assertThat(vm.selectedProperty().get()).isEqualTo(1);
        DatasetRow row = vm.rows().get(1);
        assertThat(row.size()).isEqualTo("400 rows");
        assertThat(row.check()).isEqualTo("✔ ok");
        var table = vm.preview().table();
        assertThat(table.previewTitleProperty().get()).isEqualTo("city-general: city-general.csv, 400 rows, 9 columns "
                + "(first 50 rows shown)");
        assertThat(table.previewColumns()).extracting(c -> c.column()).containsExactly("age", "sex", "systolic_bp", "cholesterol", "bmi", "smoker", "diabetes", "chest_pain", "disease");
        assertThat(table.previewRows()).hasSize(50);
        assertThat(settings.config().dataset("city-general")).get().isInstanceOf(NodeDataset.Table.class);

        // the node file takes the registration
        vm.select(0);
        vm.remove();
        assertThat(settings.save()).isTrue();
        assertThat(NodeConfigFile.read(settings.config().file()).datasets()).extracting(NodeDataset::id)
                .containsExactly("city-general");
    }

    @Test
    void aTablesImportOptionsAreHowTheNodeReadsIt() throws Exception {
        // an export without a header row, with ';' and decimal commas
        Path export = dir.resolve("export.csv");
        java.nio.file.Files.writeString(export, "48;M;123;4,7;27,7;no;0;non-anginal;1\n65;F;131;4,9;25,1;no;0;atypical;0\n");
        dialogs.dataFiles.add(List.of(export));
        vm.add(DataKind.TABLE);
        ui.drain();
        var options = vm.preview().table().importOptions();
        assertThat(options.titleProperty().get()).isEqualTo("How export's file export.csv is read");
        // read at once as its first lines suggest, as on the Participants screen, and said so
        assertThat(((NodeDataset.Table) settings.config().dataset("export").orElseThrow()).csv())
                .isEqualTo(new CsvOptions(";", null, true, null, null, null, null));
        assertThat(vm.messageProperty().get()).isEqualTo("Read export.csv with ';' between values, a decimal comma, "
                + "as its first lines suggest (Import options to change).");

        options.separatorProperty().set(";");
        options.decimalCommaProperty().set(true);
        options.headerProperty().set("no");
        ui.drain();
        // a node has no other hospital to take the names from
        assertThat(options.previewStatusProperty().get()).isEqualTo("✔ 2 rows, 9 columns, no header row: columns "
                + "named column1, column2 … (give their names).");
        options.columnNamesProperty().set("age, sex, systolic_bp, cholesterol, bmi, smoker, diabetes, chest_pain, disease");
        ui.drain();
        NodeDataset.Table table = (NodeDataset.Table) settings.config().dataset("export").orElseThrow();
        assertThat(table.csv()).isEqualTo(new CsvOptions(";", "no", true, null, null, null, List.of("age", "sex",
                "systolic_bp", "cholesterol", "bmi", "smoker", "diabetes", "chest_pain", "disease")));
        assertThat(options.previewColumns()).startsWith("age", "sex", "systolic_bp", "cholesterol");
        assertThat(vm.preview().table().previewColumns()).anySatisfy(c -> {
            assertThat(c.column()).isEqualTo("cholesterol");
            assertThat(c.type()).isEqualTo("numeric");
        });
        assertThat(vm.rows().get(1).size()).isEqualTo("2 rows");

        // saved in node.json and read back as the node will read it
        assertThat(settings.save()).isTrue();
        NodeDataset.Table saved = (NodeDataset.Table) NodeConfigFile.read(settings.config().file()).dataset("export")
                .orElseThrow();
        assertThat(saved.format().decimalComma()).isTrue();
        assertThat(saved.format().columnNames()).hasSize(9);
    }

    @Test
    void anImageFolderIsShownWithTheImagingPaneAndItsKindJoinsThePolicy() {
        dialogs.folders.add(PHANTOM.resolve("images"));
        vm.add(DataKind.IMAGES);
        ui.drain();
        assertThat(vm.rows().get(1).id()).isEqualTo("images");
        assertThat(vm.preview().kindProperty().get()).isEqualTo(org.medfed.gui.common.DataKind.IMAGES);
        assertThat(vm.preview().images().classes()).extracting(c -> c.name()).containsExactly("lesion", "no-lesion");
        assertThat(vm.rows().get(1).size()).matches("\\d+");
        assertThat(settings.config().policy().dataKinds()).contains(DataKind.IMAGES, DataKind.TABLE);
        assertThat(vm.messageProperty().get()).isEqualTo("The policy now serves images data too (see Policy).");
    }

    @Test
    void genotypesTakeAVcfAndASheetAndTheirPaneCanChooseThemAgain() {
        dialogs.dataFiles.add(List.of(GENOTYPES.resolve("hospital-a.vcf.gz"), GENOTYPES.resolve("hospital-a-phenotypes.csv")));
        vm.add(DataKind.GENOTYPES);
        ui.drain();
        NodeDataset.Genotypes g = (NodeDataset.Genotypes) settings.config().dataset("hospital-a").orElseThrow();
        assertThat(g.vcf()).isEqualTo(GENOTYPES.resolve("hospital-a.vcf.gz"));
        assertThat(g.phenotypes()).isEqualTo(GENOTYPES.resolve("hospital-a-phenotypes.csv"));
        assertThat(vm.preview().genotypes().vcfTextProperty().get()).endsWith("hospital-a.vcf.gz");
        assertThat(vm.rows().get(1).check()).isEqualTo("✔ files found");

        // the genotype pane's own chooser changes the registered sheet
        dialogs.dataFiles.add(List.of(GENOTYPES.resolve("hospital-b-phenotypes.csv")));
        vm.preview().genotypes().chooseSheet();
        ui.drain();
        g = (NodeDataset.Genotypes) settings.config().dataset("hospital-a").orElseThrow();
        assertThat(g.phenotypes()).isEqualTo(GENOTYPES.resolve("hospital-b-phenotypes.csv"));
        assertThat(g.vcf()).isEqualTo(GENOTYPES.resolve("hospital-a.vcf.gz"));
    }

    @Test
    void idsAreCheckedAsNodeJsonChecksThem() {
        dialogs.dataFiles.add(List.of(NodeKits.HEART.resolve("city-general.csv")));
        vm.add(DataKind.TABLE);
        assertThat(vm.rename(1, "heart data")).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("A dataset id may use only letters, digits");
        assertThat(vm.rename(1, "data")).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Another dataset is already called 'data'.");
        assertThat(vm.rename(1, "heart")).isTrue();
        assertThat(vm.rows()).extracting(DatasetRow::id).containsExactly("data", "heart");
        dialogs.dataFiles.add(List.of(NodeKits.HEART.resolve("rural-clinic.csv")));
        vm.add(DataKind.TABLE);
        dialogs.dataFiles.add(List.of(NodeKits.HEART.resolve("rural-clinic.csv")));
        vm.add(DataKind.TABLE);
        assertThat(vm.rows()).extracting(DatasetRow::id).containsExactly("data", "heart", "rural-clinic",
                "rural-clinic-2");
    }

    @Test
    void nothingToAddToBeforeAKitIsImported() {
        DatasetsViewModel empty = new DatasetsViewModel(new NodeSettingsViewModel(dialogs), ui, dialogs);
        empty.add(DataKind.TABLE);
        assertThat(empty.messageProperty().get()).isEqualTo("Import the start-up kit first.");
        assertThat(empty.rows()).isEmpty();
    }
}
