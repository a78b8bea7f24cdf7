package org.medfed.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.medfed.data.csv.HeaderMode;
import org.medfed.engine.BadInputException;
import org.medfed.engine.protocol.Procedure;
import org.medfed.project.CoordinatorAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigFileTest {

    /** The example of the node documentation, with placeholders to break one thing at a time. */
    private static final String GOOD = """
            {"schemaVersion": 2, "node": "hospital-a", "study": "heart-study", "coordinator": "coord.example.org:7443",
             "certificate": "node.crt", "key": "node.key", "ca": "ca.crt",
             "datasets": [
               {"id": "heart", "kind": "table", "file": "data/heart.csv", "csv": {"separator": ";", "header": "auto"}},
               {"id": "scans", "kind": "images", "folder": "dicom/", "manifest": "labels.csv"},
               {"id": "geno", "kind": "genotypes", "vcf": "cohort.vcf.gz", "phenotypes": "pheno.csv"}],
             "policy": {"dataKinds": ["table"], "procedures": null, "minimumCount": 5,
                        "requireDifferentialPrivacy": false, "maxEpsilon": null, "maxRounds": 1000},
             "auditLog": "audit.jsonl", "stateFolder": "state/"}
            """;

    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        Path file = dir.resolve("node.json");
        Files.writeString(file, json);
        return file;
    }

    private void assertRefused(String json, String... fragments) throws Exception {
        Path file = write(json);
        assertThatThrownBy(() -> NodeConfigFile.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("node.json").hasMessageContainingAll(fragments);
    }

    @Test
    void theDocumentedExampleReadsWithPathsResolvedAgainstItsFolder() throws Exception {
        NodeConfig c = NodeConfigFile.read(write(GOOD));
        assertThat(c.node()).isEqualTo("hospital-a");
        assertThat(c.study()).isEqualTo("heart-study");
        assertThat(c.coordinator()).isEqualTo(new CoordinatorAddress("coord.example.org", 7443));
        assertThat(c.certificate()).isEqualTo(dir.resolve("node.crt"));
        assertThat(c.key()).isEqualTo(dir.resolve("node.key"));
        assertThat(c.ca()).isEqualTo(dir.resolve("ca.crt"));
        assertThat(c.auditLog()).isEqualTo(dir.resolve("audit.jsonl"));
        assertThat(c.stateFolder()).isEqualTo(dir.resolve("state"));
        assertThat(c.datasets()).containsExactly(
                new NodeDataset.Table("heart", dir.resolve("data/heart.csv"),
                        CsvOptions.NONE.withSeparator(";").withHeader("auto")),
                new NodeDataset.Images("scans", dir.resolve("dicom"), dir.resolve("labels.csv"), null),
                new NodeDataset.Genotypes("geno", dir.resolve("cohort.vcf.gz"), dir.resolve("pheno.csv")));
        assertThat(c.dataset("scans")).map(NodeDataset::kind).contains(DataKind.IMAGES);
        NodePolicySection p = c.policy();
        assertThat(p.dataKinds()).containsExactly(DataKind.TABLE);
        assertThat(p.minimumCount()).isEqualTo(5);
        assertThat(p.requireDifferentialPrivacy()).isFalse();
        assertThat(p.maxEpsilon()).isEmpty();
        assertThat(p.maxRounds()).hasValue(1000);
    }

    @Test
    void proceduresNullMeansTheWholeCatalogueTheDataKindsAllow() throws Exception {
        NodePolicySection p = NodeConfigFile.read(write(GOOD)).policy();
        // a node serving tables serves the whole catalogue but the steps of images and of the association study
        EnumSet<Procedure> forTables = EnumSet.allOf(Procedure.class);
        forTables.removeAll(EnumSet.of(Procedure.GWAS_PREPARE, Procedure.GWAS_COUNTS, Procedure.GWAS_SUMS,
                Procedure.IMAGES_OPEN, Procedure.IMAGES_SUMMARY));
        assertThat(p.procedures()).isEqualTo(forTables);
        assertThat(p.procedures()).isEqualTo(NodePolicySection.allAllowedBy(p.dataKinds()));
    }

    @Test
    void anExplicitProcedureListIsKeptAsGiven() throws Exception {
        NodePolicySection p = NodeConfigFile.read(write(GOOD.replace("\"procedures\": null",
                "\"procedures\": [\"train\", \"evaluate\", \"dp.clip-noise\"]"))).policy();
        assertThat(p.procedures()).containsExactly(Procedure.TRAIN, Procedure.DP_CLIP_NOISE, Procedure.EVALUATE);
    }

    @Test
    void aRetiredProcedureSaysWhatReplacedIt() throws Exception {
        assertRefused(GOOD.replace("\"procedures\": null",
                "\"procedures\": [\"train\", \"secagg.mask\", \"secagg.deliver-shares\"]"),
                "field 'policy.procedures' lists 'secagg.deliver-shares', which this version replaced by secagg.mask",
                "remove it from the list");
    }

    @Test
    void anUnknownProcedureIsNamedAndTheKnownOnesListed() throws Exception {
        assertRefused(GOOD.replace("\"procedures\": null", "\"procedures\": [\"train\", \"trian\"]"),
                "field 'policy.procedures' lists 'trian', which is not a procedure of the catalogue",
                "known: train, train.fedprox", "secagg.advertise", "describe");
    }

    @Test
    void anEmptyProcedureListIsRefusedRatherThanServingNothing() throws Exception {
        assertRefused(GOOD.replace("\"procedures\": null", "\"procedures\": []"),
                "field 'policy.procedures' is empty", "write null");
    }

    @Test
    void anUnknownFieldIsNamedWithTheKnownOnes() throws Exception {
        assertRefused(GOOD.replace("\"auditLog\"", "\"auditlog\""), "unknown field 'auditlog'", "auditLog",
                "stateFolder");
        assertRefused(GOOD.replace("\"maxRounds\"", "\"maxRound\""), "unknown field 'maxRound'", "'policy'",
                "maxRounds");
        assertRefused(GOOD.replace("\"manifest\"", "\"manifestFile\""),
                "unknown field 'manifestFile' in 'datasets[1]'");
    }

    @Test
    void aNumberJsonCannotHoldOrTooLargeNamesTheFieldInPlainWords() throws Exception {
        assertRefused(GOOD.replace("\"maxEpsilon\": null", "\"maxEpsilon\": NaN"),
                "field 'policy.maxEpsilon' is NaN, which is not a number: write a number");
        assertRefused(GOOD.replace("\"maxRounds\": 1000", "\"maxRounds\": 99999999999"),
                "field 'policy.maxRounds' is a number too large for a whole number (at most 2147483647)");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() throws Exception {
        assertRefused(GOOD.replace("\"minimumCount\": 5", "\"minimumCount\": \"five\""), "line 7",
                "field 'policy.minimumCount'", "expected a whole number");
        // policies are not guessed: a quoted number, a number for a name or a fraction for a count is an error
        assertRefused(GOOD.replace("\"minimumCount\": 5", "\"minimumCount\": \"5\""), "field 'policy.minimumCount'");
        assertRefused(GOOD.replace("\"minimumCount\": 5", "\"minimumCount\": 5.5"), "field 'policy.minimumCount'");
        assertRefused(GOOD.replace("\"requireDifferentialPrivacy\": false", "\"requireDifferentialPrivacy\": \"no\""),
                "field 'policy.requireDifferentialPrivacy'", "expected true or false");
        assertRefused(GOOD.replace("\"study\": \"heart-study\"", "\"study\": 7"), "field 'study'",
                "expected text");
        assertRefused(GOOD.replace("\"dataKinds\": [\"table\"]", "\"dataKinds\": \"table\""),
                "field 'policy.dataKinds'", "expected a list");
    }

    @Test
    void aMissingFieldIsNamedWithWhatItShouldHold() throws Exception {
        assertRefused(GOOD.replace("\"study\": \"heart-study\",", ""), "field 'study' is missing",
                "the study's name");
        assertRefused(GOOD.replace("\"minimumCount\": 5,", ""), "field 'policy.minimumCount' is missing",
                "a whole number");
        assertRefused(GOOD.replace("\"requireDifferentialPrivacy\": false,", ""),
                "field 'policy.requireDifferentialPrivacy' is missing");
        assertRefused(GOOD.replace("\"file\": \"data/heart.csv\", ", ""), "field 'datasets[0].file' is missing");
        assertRefused(GOOD.replace("\"phenotypes\": \"pheno.csv\"", "\"phenotypes\": null"),
                "field 'datasets[2].phenotypes' is missing");
        assertRefused(GOOD.replace(",\n \"auditLog\": \"audit.jsonl\"", "").replace("\"auditLog\": \"audit.jsonl\", ",
                ""), "field 'auditLog' is missing");
    }

    @Test
    void theNodeNameMustBeSafeForFoldersAndCertificates() throws Exception {
        assertRefused(GOOD.replace("\"hospital-a\"", "\"hospital a/../b\""), "field 'node' is not usable",
                "only letters, digits, '.', '_' and '-'");
    }

    @Test
    void theCoordinatorMustBeHostColonPort() throws Exception {
        assertRefused(GOOD.replace("coord.example.org:7443", "coord.example.org"), "field 'coordinator'",
                "is not HOST:PORT");
        assertRefused(GOOD.replace("coord.example.org:7443", "coord.example.org:99999"), "field 'coordinator'",
                "outside 1-65535");
    }

    @Test
    void datasetIdsAreUniqueAndSafe() throws Exception {
        assertRefused(GOOD.replace("\"id\": \"scans\"", "\"id\": \"heart\""),
                "field 'datasets[1].id' is 'heart' again");
        assertRefused(GOOD.replace("\"id\": \"scans\"", "\"id\": \"my scans\""), "field 'datasets[1].id'",
                "only letters, digits");
    }

    @Test
    void aDatasetKindMustBeKnownAndTakeOnlyItsOwnFields() throws Exception {
        assertRefused(GOOD.replace("\"kind\": \"images\"", "\"kind\": \"dicom\""),
                "field 'datasets[1].kind' is 'dicom', which is not a data kind; known: table, images, genotypes");
        assertRefused(GOOD.replace("\"kind\": \"images\"", "\"kind\": \"table\""),
                "field 'datasets[1].folder' does not belong to table data, which takes file, csv, separator, header");
    }

    @Test
    void anImageFolderMayNameItsSegmentationMasksFolder() throws Exception {
        NodeConfig c = NodeConfigFile.read(write(GOOD.replace("\"manifest\": \"labels.csv\"",
                "\"manifest\": \"labels.csv\", \"masks\": \"masks/\"")));
        NodeDataset scans = c.dataset("scans").orElseThrow();
        assertThat(scans).isEqualTo(new NodeDataset.Images("scans", dir.resolve("dicom"), dir.resolve("labels.csv"),
                dir.resolve("masks")));
        Files.createDirectories(dir.resolve("dicom"));
        Files.writeString(dir.resolve("labels.csv"), "file,label\n");
        // a folder, not a file
        Files.writeString(dir.resolve("masks"), "");
        assertThatThrownBy(scans::requireFilesExist).hasMessageContaining("the folder named by \"masks\"");
        assertRefused(GOOD.replace("\"header\": \"auto\"}", "\"header\": \"auto\"}, \"masks\": \"m/\""),
                "field 'datasets[0].masks' does not belong to table data");
    }

    @Test
    void aTablesReadingOptionsAreCheckedAndNamedByTheirField() throws Exception {
        assertRefused(GOOD.replace("\"separator\": \";\"", "\"separator\": \",;\""),
                "field 'datasets[0].csv.separator' is not usable", "one character");
        assertRefused(GOOD.replace("\"header\": \"auto\"", "\"header\": \"maybe\""), "field 'datasets[0].csv.header'",
                "header must be auto, yes or no");
        assertRefused(GOOD.replace("\"header\": \"auto\"", "\"encoding\": \"klingon\""),
                "field 'datasets[0].csv.encoding'", "is unknown");
        assertRefused(GOOD.replace("\"header\": \"auto\"", "\"quote\": \"<<\""), "field 'datasets[0].csv.quote'");
        assertRefused(GOOD.replace("\"header\": \"auto\"", "\"delimiter\": \";\""),
                "unknown field 'delimiter'");
        // the options of the Participants screen, all of them, for a hospital's export without a header
        NodeConfig c = NodeConfigFile.read(write(GOOD.replace("{\"separator\": \";\", \"header\": \"auto\"}",
                "{\"separator\": \";\", \"header\": \"no\", \"decimalComma\": true, \"encoding\": \"windows-1252\", "
                        + "\"quote\": \"none\", \"missingValues\": [\"?\", \"-9\"], \"columnNames\": [\"age\", \"y\"]}")));
        NodeDataset.Table heart = (NodeDataset.Table) c.dataset("heart").orElseThrow();
        assertThat(heart.format().separator()).isEqualTo(';');
        assertThat(heart.format().header()).isEqualTo(HeaderMode.NO);
        assertThat(heart.format().decimalComma()).isTrue();
        assertThat(heart.format().encoding().name()).isEqualTo("windows-1252");
        assertThat(heart.format().quote()).isNull();
        assertThat(heart.format().missingTokens()).containsExactlyInAnyOrder("?", "-9");
        assertThat(heart.format().columnNames()).containsExactly("age", "y");
        // written back as read
        assertThat(NodeConfigFile.read(NodeConfigFile.save(c).file())).isEqualTo(c);
    }

    @Test
    void aSchemaOneTablesSeparatorAndHeaderStillReadAndAreWrittenInCsv() throws Exception {
        String one = GOOD.replace("\"schemaVersion\": 2", "\"schemaVersion\": 1").replace(
                "\"csv\": {\"separator\": \";\", \"header\": \"auto\"}", "\"separator\": \";\", \"header\": \"no\"");
        NodeConfig c = NodeConfigFile.read(write(one));
        NodeDataset.Table heart = (NodeDataset.Table) c.dataset("heart").orElseThrow();
        assertThat(heart.csv()).isEqualTo(CsvOptions.NONE.withSeparator(";").withHeader("no"));
        NodeConfigFile.save(c);
        String text = Files.readString(c.file());
        assertThat(text).contains("\"schemaVersion\" : 2", "\"file\" : \"data/heart.csv\",\n    \"csv\" : {");
        assertThat(NodeConfigFile.read(c.file())).isEqualTo(c);
        assertRefused(one.replace("\"separator\": \";\"", "\"separator\": \"ab\""), "field 'datasets[0].separator'",
                "one character");
        assertRefused(one.replace("\"header\": \"no\"", "\"header\": \"no\", \"csv\": {\"quote\": \"'\"}"),
                "field 'datasets[0].separator' is given beside \"csv\"");
    }

    @Test
    void policyValuesAreChecked() throws Exception {
        assertRefused(GOOD.replace("[\"table\"]", "[\"tables\"]"),
                "field 'policy.dataKinds' lists 'tables', which is not a data kind");
        assertRefused(GOOD.replace("[\"table\"]", "[]"), "field 'policy.dataKinds' is empty");
        assertRefused(GOOD.replace("\"minimumCount\": 5", "\"minimumCount\": -1"), "field 'policy.minimumCount'",
                "expected 0");
        assertRefused(GOOD.replace("\"maxEpsilon\": null", "\"maxEpsilon\": 0"), "field 'policy.maxEpsilon'",
                "positive");
        assertRefused(GOOD.replace("\"maxRounds\": 1000", "\"maxRounds\": 0"), "field 'policy.maxRounds'");
    }

    @Test
    void aFieldGivenTwiceIsAnError() throws Exception {
        assertRefused(GOOD.replace("\"maxRounds\": 1000", "\"maxRounds\": 1000, \"maxRounds\": 5"),
                "Duplicate field 'maxRounds'");
    }

    @Test
    void versionAndFormAreCheckedFirst() throws Exception {
        assertRefused(GOOD.replace("\"schemaVersion\": 2", "\"schemaVersion\": 3"), "newer MedFed");
        assertRefused(GOOD.replace("\"schemaVersion\": 2,", ""), "has no \"schemaVersion\"");
        assertRefused("[1, 2]", "expected a JSON object");
        assertRefused("{\"schemaVersion\": 1, \"node\": ", "is not valid JSON");
        assertRefused("", "is empty");
        assertThatThrownBy(() -> NodeConfigFile.read(dir.resolve("absent.json")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("absent.json: node settings not found");
    }

    @Test
    void aDatasetsFilesAreCheckedWhenItIsOpenedWithThePathInTheMessage() throws Exception {
        NodeConfig c = NodeConfigFile.read(write(GOOD));
        NodeDataset heart = c.dataset("heart").orElseThrow();
        assertThatThrownBy(heart::requireFilesExist).isInstanceOf(BadInputException.class)
                .hasMessageContaining("dataset 'heart'", "\"file\"", dir.resolve("data/heart.csv").toString());
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/heart.csv"), "age,y\n1,0\n");
        heart.requireFilesExist();
        NodeDataset scans = c.dataset("scans").orElseThrow();
        Files.createDirectories(dir.resolve("dicom"));
        assertThatThrownBy(scans::requireFilesExist).hasMessageContaining("\"manifest\"",
                dir.resolve("labels.csv").toString());
    }

    @Test
    void theKitTemplateLoadsBackAndNamesTheKitFiles() throws Exception {
        Path file = dir.resolve("kit/node.json");
        NodeConfig written = NodeConfigFile.template(file, "hospital-b", "Heart, 2027",
                CoordinatorAddress.parse("10.1.2.3:7443"));
        NodeConfig read = NodeConfigFile.read(file);
        assertThat(read).isEqualTo(written);
        assertThat(read.certificate()).isEqualTo(dir.resolve("kit/node.crt"));
        assertThat(read.ca()).isEqualTo(dir.resolve("kit/ca.crt"));
        assertThat(read.coordinator().toString()).isEqualTo("10.1.2.3:7443");
        String text = Files.readString(file);
        // every policy knob is visible, including those left open
        assertThat(text).contains("\"procedures\" : null", "\"maxEpsilon\" : null", "\"certificate\" : \"node.crt\"");
    }

    @Test
    void theTemplateNeverReplacesAHospitalsOwnSettings() throws Exception {
        Path file = write(GOOD);
        assertThatThrownBy(() -> NodeConfigFile.template(file, "hospital-a", "s", CoordinatorAddress.parse("c:1")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("already exists");
        assertThat(Files.readString(file)).isEqualTo(GOOD);
    }

    @Test
    void aTemplateWithABadNameWritesNothing() {
        Path file = dir.resolve("node.json");
        assertThatThrownBy(() -> NodeConfigFile.template(file, "bad name", "s", CoordinatorAddress.parse("c:1")))
                .hasMessageContaining("field 'node'");
        assertThat(file).doesNotExist();
    }
}
