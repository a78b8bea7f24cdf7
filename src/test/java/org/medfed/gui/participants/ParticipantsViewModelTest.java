package org.medfed.gui.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.data.tabular.SchemaProblem;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.gui.testing.Samples;
import org.medfed.gui.testing.StubDialogs;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.StudyFile;
import org.medfed.testsupport.CholesterolUnits;

class ParticipantsViewModelTest {

    @TempDir
    Path dir;

    private final QueuedUi ui = QueuedUi.sameThread();
    private final StubDialogs dialogs = new StubDialogs();
    private final StudyDocument doc = new StudyDocument();
    private ParticipantsViewModel vm;
    private Path study;

    @BeforeEach
    void openSample() {
        study = Samples.copy(dir, 3);
        vm = new ParticipantsViewModel(doc, ui, dialogs);
        doc.replace(StudyFile.load(study), study);
        ui.drain();
    }

    private static final String HEADER = "age,sex,systolic_bp,cholesterol,bmi,smoker,diabetes,chest_pain,disease";

    @Test
    void showsEachHospitalsSizeBalanceAndTheSchemaCheck() {
        assertThat(vm.rows()).extracting(ParticipantRow::name)
                .containsExactly("city-general", "rural-clinic", "heart-centre", "mountain-hospital");
        ParticipantRow city = vm.rows().get(0);
        assertThat(city.samplesProperty().get()).isEqualTo("400");
        assertThat(city.balanceProperty().get()).isEqualTo("0: 224 (56%) · 1: 176 (44%)");
        assertThat(city.checkProperty().get()).isEqualTo("✔ ok");
        assertThat(vm.schemaStatusProperty().get()).startsWith("✔ The hospitals' tables match");
        assertThat(vm.knownColumns()).contains("age", "disease");
        assertThat(vm.labelCandidates()).contains("disease (0, 1)").noneMatch(c -> c.startsWith("age"));

        vm.select(3);
        assertThat(vm.previewTitleProperty().get()).startsWith("mountain-hospital: mountain-hospital.csv, 90 rows, 9 columns");
        assertThat(vm.previewColumns()).anySatisfy(c -> {
            assertThat(c.column()).isEqualTo("cholesterol");
            assertThat(c.missing()).isGreaterThan(0);
            assertThat(c.type()).isEqualTo("numeric");
        });
        assertThat(vm.previewColumns()).anySatisfy(c -> {
            assertThat(c.column()).isEqualTo("disease");
            assertThat(c.role()).isEqualTo("label");
        });
        assertThat(vm.labelCountsOfSelected()).containsEntry("0", 41).containsEntry("1", 49);
        assertThat(vm.previewRows()).hasSize(50);
    }

    @Test
    void theBalanceCountsTheClassesTheLabelRuleMakes() {
        // heart-disease severity 0 to 4, as the UCI files code it: 'nonzero-positive' makes 0 healthy and the rest disease
        Path graded = Samples.write(dir.resolve("graded.csv"), HEADER, "48,M,123,4.7,27.7,no,0,non-anginal,0",
                "65,F,131,4.9,25.1,no,0,atypical,2", "52,F,140,5.2,26.3,yes,1,typical,4", "70,M,150,6.1,29.0,no,0,atypical,1",
                "61,M,128,5.5,24.2,no,0,typical,");
        dialogs.dataFiles.add(List.of(graded));
        vm.chooseFilesFor(1);
        ui.drain();
        assertThat(vm.rows().get(1).balanceProperty().get())
                .isEqualTo("0: 1 (25%) · 1: 1 (25%) · 2: 1 (25%) · 4: 1 (25%) · missing: 1");

        doc.edit(s -> s.withData(org.medfed.gui.common.StudyEdits.withPreprocessing(s.data(), s.data().missing(),
                s.data().normalization(), "nonzero-positive")));
        ui.drain();
        assertThat(vm.rows().get(1).balanceProperty().get()).isEqualTo("0: 1 (25%) · 1: 3 (75%) · missing: 1");
        vm.select(1);
        assertThat(vm.labelCountsOfSelected()).containsExactly(java.util.Map.entry("0", 1), java.util.Map.entry("1", 3));
    }

    @Test
    void aMalformedFileIsShownNextToItsHospitalInPlainWords() {
        Path bad = Samples.write(dir.resolve("bad.csv"), HEADER, "48,M,123,4.7,27.7,no,0,non-anginal,1", "65,F,131");
        dialogs.dataFiles.add(List.of(bad));
        vm.chooseFilesFor(1);
        ui.drain();
        ParticipantRow rural = vm.rows().get(1);
        assertThat(rural.checkProperty().get()).startsWith("✖").contains("line 3");
        assertThat(rural.errorProperty().get()).isTrue();
        assertThat(doc.study().participants().get(1).data()).containsExactly(bad.toAbsolutePath().toString());
        assertThat(vm.blockingProblems()).singleElement().satisfies(p -> assertThat(p)
                .startsWith("Hospital 'rural-clinic' cannot take part as it is: bad.csv line 3"));
        vm.setEnabled(1, false);
        assertThat(vm.blockingProblems()).as("a hospital left out does not block the run").isEmpty();
        vm.setEnabled(1, true);

        Path missing = dir.resolve("gone.csv");
        vm.assignFiles(2, List.of(missing));
        ui.drain();
        assertThat(vm.rows().get(2).checkProperty().get()).contains("does not exist");
    }

    @Test
    void schemaProblemsAreTiedToTheHospitalAndColumn() {
        Path noBmi = Samples.write(dir.resolve("no-bmi.csv"), "age,sex,systolic_bp,cholesterol,smoker,diabetes,chest_pain,disease",
                "48,M,123,4.7,no,0,non-anginal,1", "65,F,131,4.9,no,0,typical,0");
        Path typo = Samples.write(dir.resolve("typo.csv"), HEADER, "48,M,123,4.7,27.7,no,0,non-anginal,1",
                "65,F,131,4.9,25.1,no,0,typical,0", "6O,F,131,4.9,25.1,no,0,typical,0", "61,F,131,4.9,25.1,no,0,typical,1",
                "62,M,131,4.9,25.1,no,0,typical,1", "63,M,131,4.9,25.1,no,0,typical,0");
        vm.addHospitals(List.of(noBmi, typo));
        ui.drain();
        assertThat(vm.rows()).hasSize(6);
        assertThat(vm.rows().get(4).nameProperty().get()).isEqualTo("no-bmi");
        assertThat(vm.rows().get(4).checkProperty().get()).startsWith("✖").contains("column 'bmi'");
        assertThat(vm.rows().get(5).checkProperty().get()).contains("column 'age'").contains("line 4").contains("'6O'");
        assertThat(vm.schemaStatusProperty().get()).startsWith("✖");
        vm.select(5);
        assertThat(vm.previewColumns()).filteredOn(c -> c.column().equals("age"))
                .singleElement().satisfies(c -> assertThat(c.problem()).startsWith("✖").contains("expected a number"));
        assertThat(vm.rows().get(0).checkProperty().get()).isEqualTo("✔ ok");
    }

    @Test
    void aMeasurementChosenAsTheLabelStopsTheRunWithTheReason() {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER + ",glucose,notes");
        for (int r = 0; r < 60; r++) {
            lines.add((r % 2 == 0 ? "48,M,123,4.7,27.7,no,0,non-anginal,0," : "65,F,131,4.9,25.1,no,0,atypical,1,")
                    + (4.1 + r * 0.1) + ",seen by Dr " + (r % 55));
        }
        vm.assignFiles(0, List.of(Samples.write(dir.resolve("glucose.csv"), lines.toArray(String[]::new))));
        doc.edit(st -> st.withData(st.data().withLabel("glucose")));
        ui.drain();
        ParticipantRow city = vm.rows().get(0);
        assertThat(city.balanceProperty().get()).isEqualTo("more than 50 values");
        assertThat(city.errorProperty().get()).isTrue();
        assertThat(city.checkProperty().get()).startsWith("✖ the label 'glucose' has more than 50 different values in "
                + "glucose.csv: a classification needs a column of a few classes as the label (Task and model).");
        assertThat(vm.blockingProblems()).anyMatch(b -> b.startsWith("Hospital 'city-general' cannot take part as it is: "
                + "the label 'glucose'"));
        // free text, a few values repeated (so no identifier): the hospital would refuse its 55 names as categories
        assertThat(city.checkProperty().get()).contains("column 'notes' has more than 50 different values in glucose.csv: "
                + "too many for a column of categories; leave it out or set its type to numeric (Task and model).");
        // and beside the column in the hospital's list of columns
        vm.select(0);
        assertThat(vm.previewColumns()).filteredOn(c -> c.column().equals("notes")).singleElement()
                .satisfies(c -> assertThat(c.problem()).startsWith("✖ column 'notes' has more than 50 different values"));
        assertThat(vm.previewColumns()).filteredOn(c -> c.column().equals("glucose")).singleElement()
                .satisfies(c -> assertThat(c.problem()).startsWith("✖ the label 'glucose' has more than 50"));
        doc.edit(st -> st.withData(org.medfed.gui.common.StudyEdits.withFeaturesAndDrop(st.data(), List.of(), List.of("notes"))));
        ui.drain();
        assertThat(city.checkProperty().get()).doesNotContain("notes");

        doc.edit(st -> st.withData(st.data().withLabel("disease")));
        ui.drain();
        assertThat(city.checkProperty().get()).doesNotContain("the label");
    }

    @Test
    void aColumnLeftOutAsAnIdentifierSaysSoInThePreviewUntilItIsKept() {
        for (int i = 0; i < vm.rows().size(); i++) {
            List<String> lines = new ArrayList<>();
            lines.add("ref," + HEADER);
            for (int r = 0; r < 24; r++) {
                lines.add((1000 * i + r) + (r % 2 == 0 ? ",48,M,123,4.7,27.7,no,0,non-anginal,0" : ",65,F,131,4.9,25.1,no,0,atypical,1"));
            }
            vm.assignFiles(i, List.of(Samples.write(dir.resolve("ref-" + i + ".csv"), lines.toArray(String[]::new))));
        }
        ui.drain();
        vm.select(2);
        assertThat(vm.previewColumns()).filteredOn(c -> c.column().equals("ref")).singleElement().satisfies(c -> {
            assertThat(c.role()).isEqualTo("left out: identifier");
            assertThat(c.problem()).startsWith("⚠ column 'ref' looks like an identifier");
        });
        assertThat(vm.previewColumns()).filteredOn(c -> c.column().equals("age")).singleElement()
                .satisfies(c -> assertThat(c.role()).isEqualTo("feature"));
        // as the CLI prints it: the study's, named once (it read "all, column 'ref': column 'ref' looks like...")
        assertThat(vm.schemaProblems()).filteredOn(p -> p.kind() == SchemaProblem.Kind.IDENTIFIER).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("column 'ref' looks like an identifier"));

        vm.keepAsFeature("ref");
        ui.drain();
        assertThat(vm.previewColumns()).filteredOn(c -> c.column().equals("ref")).singleElement().satisfies(c -> {
            assertThat(c.role()).isEqualTo("feature");
            assertThat(c.problem()).isEmpty();
        });
    }

    @Test
    void aUnitHintIsShownWithItsHospitalAndAcceptingItSetsTheHospitalsUnitFactor() throws java.io.IOException {
        java.util.Map<String, Path> files = CholesterolUnits.write(java.nio.file.Files.createDirectories(dir.resolve("units")));
        for (int i = 0; i < vm.rows().size(); i++) {
            vm.assignFiles(i, List.of(files.get(vm.rows().get(i).nameProperty().get())));
        }
        ui.drain();
        SchemaProblem hint = vm.schemaProblems().stream().filter(p -> p.kind() == SchemaProblem.Kind.UNIT)
                .findFirst().orElseThrow();
        assertThat(hint.participant()).isEqualTo("rural-clinic");
        assertThat(hint.column()).isEqualTo("cholesterol");
        assertThat(hint.unitFactor()).isEqualTo(38.67);
        assertThat(vm.schemaStatusProperty().get()).isEqualTo("✔ Nothing stops the run; 1 warning.");
        ParticipantRow rural = vm.rows().get(1);
        assertThat(rural.checkProperty().get()).startsWith("⚠ 'cholesterol' at rural-clinic looks like another unit").contains("mmol/L and mg/dL").contains("multiply by 38.67");
        assertThat(rural.errorProperty().get()).isFalse();
        assertThat(vm.rows().get(0).checkProperty().get()).isEqualTo("✔ ok");

        vm.select(0);
        vm.acceptUnitHint(hint);
        ui.drain();
        assertThat(vm.selectedProperty().get()).as("the hint's hospital is chosen").isEqualTo(1);
        assertThat(doc.study().participants().get(1).siteMapping().scale()).containsExactly(java.util.Map.entry("cholesterol", 38.67));
        assertThat(doc.study().participants().get(0).siteMapping().isEmpty()).isTrue();
        assertThat(vm.mapping().columns()).filteredOn(c -> c.studyName().equals("cholesterol")).singleElement()
                .satisfies(c -> assertThat(c.factor()).isEqualTo("38.67"));
        assertThat(vm.schemaProblems()).noneMatch(p -> p.kind() == SchemaProblem.Kind.UNIT);
        assertThat(vm.schemaStatusProperty().get()).startsWith("✔ The hospitals' tables match");
        assertThat(rural.checkProperty().get()).isEqualTo("✔ ok");
    }

    @Test
    void aColumnNotRecordedAtOneHospitalIsWarnedOfAndMarkedInItsMapping() {
        // rural-clinic wrote a cholesterol of 0 for every patient: not recorded there
        List<String> lines = new java.util.ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 30; i++) {
            lines.add((40 + i) + "," + (i % 2 == 0 ? "M" : "F") + "," + (120 + i) + ",0," + (22 + i % 7) + ",no,0,"
                    + (i % 3 == 0 ? "typical" : "atypical") + "," + (i % 2));
        }
        Path zeros = Samples.write(dir.resolve("zeros.csv"), lines.toArray(String[]::new));
        dialogs.dataFiles.add(List.of(zeros));
        vm.chooseFilesFor(1);
        ui.drain();
        assertThat(vm.schemaProblems()).filteredOn(p -> "cholesterol".equals(p.column())).singleElement()
                .satisfies(p -> {
                    assertThat(p.participant()).isEqualTo("rural-clinic");
                    assertThat(p.message()).startsWith("all 30 values are 0, while they vary at the other hospitals");
                });

        vm.select(0);
        vm.acceptNotRecordedHint(vm.schemaProblems().stream().filter(p -> "cholesterol".equals(p.column()))
                .findFirst().orElseThrow());
        ui.drain();
        assertThat(vm.selectedProperty().get()).isEqualTo(1);
        assertThat(doc.study().participants().get(1).siteMapping().missing())
                .containsExactly(java.util.Map.entry("cholesterol", List.of("0")));
        vm.mapping().setNotRecorded("cholesterol", "");
        ui.drain();
        vm.mapping().setNotRecorded("cholesterol", " 0, ");
        ui.drain();
        assertThat(doc.study().participants().get(1).siteMapping().missing())
                .containsExactly(java.util.Map.entry("cholesterol", List.of("0")));
        assertThat(vm.mapping().columns()).filteredOn(c -> c.studyName().equals("cholesterol")).singleElement()
                .satisfies(c -> assertThat(c.notRecorded()).isEqualTo("0"));
        assertThat(vm.schemaProblems()).noneMatch(p -> p.message().startsWith("all 30 values are 0"));
        // another edit of the mapping keeps the mark
        assertThat(vm.mapping().setFactor("bmi", "1.5")).isTrue();
        assertThat(doc.study().participants().get(1).siteMapping().missing()).containsKey("cholesterol");
        vm.mapping().setNotRecorded("cholesterol", "");
        assertThat(doc.study().participants().get(1).siteMapping().missing()).isEmpty();
    }

    @Test
    void numbersWithADecimalCommaAreFoundAndReadWithOneClick() {
        // rural-clinic's export: ';' with decimal commas, read with ';' only
        List<String> lines = new java.util.ArrayList<>(List.of(HEADER.replace(',', ';')));
        for (int i = 0; i < 30; i++) {
            lines.add((40 + i) + ";" + (i % 2 == 0 ? "M" : "F") + ";" + (120 + i) + ";" + (4 + i % 3) + "," + (i % 10)
                    + ";" + (22 + i % 7) + ",5;no;0;" + (i % 3 == 0 ? "typical" : "atypical") + ";" + (i % 2));
        }
        Path european = Samples.write(dir.resolve("european.csv"), lines.toArray(String[]::new));
        dialogs.dataFiles.add(List.of(european));
        vm.chooseFilesFor(1);
        ui.drain();
        vm.select(1);
        // read as the workbench guessed (';' and a decimal comma) it is fine; read with ';' only, it is not
        assertThat(doc.study().participants().get(1).csvOptions().decimalComma()).isTrue();
        vm.importOptions().decimalCommaProperty().set(false);
        vm.importOptions().separatorProperty().set(";");
        ui.drain();
        assertThat(vm.schemaProblems()).filteredOn(p -> p.kind() == SchemaProblem.Kind.DECIMAL_COMMA).singleElement()
                .satisfies(p -> {
                    assertThat(p.participant()).isEqualTo("rural-clinic");
                    assertThat(p.severity()).isEqualTo(SchemaProblem.Severity.ERROR);
                    assertThat(p.message()).startsWith("european.csv line 2: column 'cholesterol' is '4,0', a number "
                            + "written with a decimal comma, and so is column 'bmi'");
                });

        vm.select(0);
        vm.readWithDecimalComma("rural-clinic");
        ui.drain();
        assertThat(vm.selectedProperty().get()).isEqualTo(1);
        assertThat(doc.study().participants().get(1).csvOptions().decimalComma()).isTrue();
        assertThat(vm.schemaProblems()).noneMatch(p -> p.kind() == SchemaProblem.Kind.DECIMAL_COMMA);
        assertThat(vm.schemaProblems()).noneMatch(p -> p.severity() == SchemaProblem.Severity.ERROR);
    }

    @Test
    void renameRemoveWeightAndEnabledEditTheStudy() {
        assertThat(vm.rename(0, "heart-centre")).isFalse();
        assertThat(vm.messageProperty().get()).contains("already called 'heart-centre'");
        assertThat(vm.rename(0, "  ")).isFalse();
        assertThat(vm.rename(0, "city")).isTrue();
        assertThat(doc.study().participants().get(0).name()).isEqualTo("city");
        assertThat(doc.isDirty()).isTrue();
        assertThat(vm.setWeight(1, 0)).isFalse();
        assertThat(vm.setWeight(1, 2.5)).isTrue();
        assertThat(doc.study().participants().get(1).weight()).isEqualTo(2.5);
        vm.rows().get(2).enabledProperty().set(false);
        assertThat(doc.study().participants().get(2).enabled()).isFalse();
        vm.remove(3);
        assertThat(doc.study().participants()).extracting(ParticipantEntry::name).containsExactly("city", "rural-clinic", "heart-centre");
        assertThat(vm.rows()).hasSize(3);
    }

    @Test
    void aEuropeanExportIsReadAsItsFirstLinesSuggestAndSaysSo() throws Exception {
        // the sample's columns as a European spreadsheet saves them: ';', decimal commas, windows-1252
        StringBuilder b = new StringBuilder(HEADER.replace(',', ';')).append("\r\n");
        for (int i = 0; i < 30; i++) {
            b.append(40 + i).append(";").append(i % 2 == 0 ? "M" : "F").append(";").append(120 + i).append(";")
                    .append(4 + i % 3).append(",").append(i % 10).append(";").append(22 + i % 7).append(",5;")
                    .append(i % 3 == 0 ? "no" : "yes").append(";0;").append(i % 3 == 0 ? "typical" : "atypical")
                    .append(";").append(i % 2).append("\r\n");
        }
        Path eu = java.nio.file.Files.write(dir.resolve("klinik.csv"),
                b.toString().getBytes(java.nio.charset.Charset.forName("windows-1252")));
        vm.addHospitals(List.of(eu));
        ui.drain();
        var options = doc.study().participants().get(4).csvOptions();
        assertThat(options.separator()).isEqualTo(";");
        assertThat(options.decimalComma()).isTrue();
        assertThat(vm.noticeProperty().get()).isEqualTo("Read klinik.csv with ';' between values, a decimal comma, "
                + "as its first lines suggest (Import options to change).");
        assertThat(vm.rows().get(4).samplesProperty().get()).isEqualTo("30");
        assertThat(vm.schemaProblems()).noneMatch(p -> "klinik".equals(p.participant())
                && p.severity() == SchemaProblem.Severity.ERROR);
        // a plain file is added as it is, with nothing to say
        Path plain = Samples.write(dir.resolve("plain.csv"), HEADER, "48,M,123,4.7,27.7,no,0,non-anginal,1");
        vm.addHospitals(List.of(plain));
        ui.drain();
        assertThat(doc.study().participants().get(5).csvOptions().isEmpty()).isTrue();
    }

    @Test
    void newHospitalsAreNamedAfterTheirFilesAndKeptUnique() {
        Path other = Samples.write(dir.resolve("x/city-general.csv"), HEADER, "48,M,123,4.7,27.7,no,0,non-anginal,1");
        vm.addHospitals(List.of(other));
        ui.drain();
        assertThat(vm.rows().get(4).nameProperty().get()).isEqualTo("city-general-2");
        assertThat(vm.selectedProperty().get()).isEqualTo(4);
    }

    @Test
    void removeAsksNothingSaysHowToUndoAndUndoBringsTheHospitalBackWithItsFigures() {
        vm.setWeight(3, 2.5);
        vm.remove(3);
        ui.drain();
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.noticeProperty().get()).isEqualTo("Removed mountain-hospital — Undo (Ctrl+Z)");
        assertThat(dialogs.questions).isEmpty();

        vm.undo();
        ui.drain();
        assertThat(vm.noticeProperty().get()).as("gone with the next change").isEmpty();
        assertThat(vm.rows()).extracting(ParticipantRow::name).endsWith("mountain-hospital");
        assertThat(doc.study().participants().get(3).weight()).isEqualTo(2.5);
        assertThat(vm.rows().get(3).checkProperty().get()).isEqualTo("✔ ok");
        doc.redo();
        ui.drain();
        assertThat(vm.rows()).hasSize(3);
    }
}
