package org.medfed.project;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.medfed.engine.BadInputException;
import org.medfed.io.AtomicFiles;

/**
 * Reads a hospital node's {@code node.json} into checked settings, and writes the starter file of a provisioned
 * kit. Errors are {@link BadInputException}s naming the file and the field, as for study files.
 *
 * <p>Stricter than study files: a policy decides what leaves a hospital, so {@code "5"} for a number, {@code 5}
 * for a name, {@code 2.5} for a whole number or a field given twice is an error here, not something guessed.
 */
public final class NodeConfigFile {

    /** The file names a provisioned kit gives the node's certificate, key and the study CA's certificate. */
    public static final String CERTIFICATE = "node.crt";
    public static final String KEY = "node.key";
    public static final String CA = "ca.crt";

    private static final ObjectMapper STRICT = strictMapper();

    private NodeConfigFile() {
    }

    public static NodeConfig read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, null, "node settings not found (looked for " + file.toAbsolutePath()
                    + ")");
        } catch (IOException e) {
            throw new BadInputException(file, null, "could not be read: " + e.getMessage(), e);
        }
        checkVersion(file, bytes);
        NodeFile raw;
        try {
            raw = STRICT.readValue(bytes, NodeFile.class);
        } catch (IOException e) {
            throw Json.explain(file, e);
        }
        return NodeConfigCheck.check(file, raw);
    }

    /**
     * Writes the starter {@code node.json} of a provisioned kit: the node's identity and coordinator, the kit's
     * TLS files ({@link #CERTIFICATE}, {@link #KEY}, {@link #CA}) beside it, one placeholder table for the
     * hospital to point at its own data, and a cautious policy to review. Never replaces an existing file, which
     * holds a hospital's own choices. Returns the settings the file holds; a name or address that would not load
     * fails here, before anything is written.
     */
    public static NodeConfig template(Path file, String node, String study, CoordinatorAddress coordinator) {
        Path folder = file.toAbsolutePath().getParent();
        return template(file, node, study, coordinator, folder.resolve(CERTIFICATE), folder.resolve(KEY),
                folder.resolve(CA));
    }

    /** As {@link #template(Path, String, String, CoordinatorAddress)}, with the kit's own TLS file paths. */
    public static NodeConfig template(Path file, String node, String study, CoordinatorAddress coordinator,
                                      Path certificate, Path key, Path ca) {
        if (Files.exists(file)) {
            throw new BadInputException(file, null, "already exists; a template never replaces a hospital's own "
                    + "settings (move the file away first to start again)");
        }
        NodeFile starter = new NodeFile(NodeFile.CURRENT_SCHEMA, node, study, coordinator.toString(),
                StudyFile.relativize(file, certificate), StudyFile.relativize(file, key),
                StudyFile.relativize(file, ca),
                List.of(new NodeFile.Dataset("data", DataKind.TABLE.id(), "data/table.csv",
                        CsvOptions.NONE.withSeparator(",").withHeader("auto"), null, null, null, null, null, null,
                        null)),
                // 10 is a common small-cell threshold; DP and epsilon are left to the hospital's governance to set
                new NodeFile.Policy(List.of(DataKind.TABLE.id()), null, 10, false, null, 1000),
                "audit.jsonl", "state/");
        // checked before writing, so that a bad name or address never leaves a file that will not load
        NodeConfig config = NodeConfigCheck.check(file, starter);
        try {
            AtomicFiles.write(file, STRICT.writeValueAsBytes(starter));
        } catch (IOException e) {
            throw new BadInputException(file, null, "could not be written: " + e.getMessage(), e);
        }
        return config;
    }

    /**
     * Writes {@code config} to its own file ({@link NodeConfig#file()}), atomically: paths relative to the file's
     * folder when they are inside it, {@code "procedures": null} when the policy allows every procedure its data
     * kinds allow (so that adding a kind later allows that kind's steps too). The settings are checked as
     * {@link #read(Path)} would check them before anything is written, so that the file always loads.
     */
    public static NodeConfig save(NodeConfig config) {
        Path file = config.file();
        NodePolicySection p = config.policy();
        List<String> procedures = p.procedures().equals(NodePolicySection.allAllowedBy(p.dataKinds())) ? null
                : p.procedures().stream().map(org.medfed.engine.protocol.Procedure::id).toList();
        NodeFile raw = new NodeFile(NodeFile.CURRENT_SCHEMA, config.node(), config.study(),
                config.coordinator().toString(), StudyFile.relativize(file, config.certificate()),
                StudyFile.relativize(file, config.key()), StudyFile.relativize(file, config.ca()),
                config.datasets().stream().map(d -> dataset(file, d)).toList(),
                new NodeFile.Policy(p.dataKinds().stream().map(DataKind::id).toList(), procedures, p.minimumCount(),
                        p.requireDifferentialPrivacy(), p.maxEpsilon().isPresent() ? p.maxEpsilon().getAsDouble() : null,
                        p.maxRounds().isPresent() ? p.maxRounds().getAsInt() : null),
                StudyFile.relativize(file, config.auditLog()), folder(file, config.stateFolder()));
        NodeConfig checked = NodeConfigCheck.check(file, raw);
        try {
            AtomicFiles.write(file, STRICT.writeValueAsBytes(raw));
        } catch (IOException e) {
            throw new BadInputException(file, null, "could not be written: " + e.getMessage(), e);
        }
        return checked;
    }

    private static NodeFile.Dataset dataset(Path file, NodeDataset d) {
        if (d instanceof NodeDataset.Table t) {
            return new NodeFile.Dataset(t.id(), DataKind.TABLE.id(), StudyFile.relativize(file, t.file()),
                    t.csv().isEmpty() ? null : t.csv(), null, null, null, null, null, null, null);
        }
        if (d instanceof NodeDataset.Images i) {
            return new NodeFile.Dataset(i.id(), DataKind.IMAGES.id(), null, null, null, null,
                    folder(file, i.folder()), i.manifest() == null ? null : StudyFile.relativize(file, i.manifest()),
                    i.masks() == null ? null : folder(file, i.masks()), null, null);
        }
        NodeDataset.Genotypes g = (NodeDataset.Genotypes) d;
        return new NodeFile.Dataset(g.id(), DataKind.GENOTYPES.id(), null, null, null, null, null, null, null,
                StudyFile.relativize(file, g.vcf()), StudyFile.relativize(file, g.phenotypes()));
    }

    /** A folder as written: with a trailing slash, so that a person reading the file sees it is one. */
    private static String folder(Path file, Path folder) {
        String text = StudyFile.relativize(file, folder);
        return text.isEmpty() ? "./" : text.endsWith("/") ? text : text + "/";
    }

    /** As for study files: a file from a newer MedFed, or not node settings at all, gets a plain message first. */
    private static void checkVersion(Path file, byte[] bytes) {
        if (bytes.length == 0) {
            throw new BadInputException(file, null, "the node settings file is empty");
        }
        JsonNode tree;
        try {
            tree = STRICT.readTree(bytes);
        } catch (IOException e) {
            throw Json.explain(file, e);
        }
        if (tree == null || !tree.isObject()) {
            throw new BadInputException(file, null, "is not MedFed node settings: expected a JSON object { ... }");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null) {
            throw new BadInputException(file, null, "is not a MedFed node settings file: it has no \"schemaVersion\"");
        }
        if (!version.isInt() || version.intValue() < 1) {
            throw new BadInputException(file, null, "field 'schemaVersion' is " + version
                    + ", expected a whole number from 1");
        }
        if (version.intValue() > NodeFile.CURRENT_SCHEMA) {
            throw new BadInputException(file, null, "was written by a newer MedFed (node settings schema "
                    + version.intValue() + "); this version reads schemas up to " + NodeFile.CURRENT_SCHEMA
                    + ". Update MedFed.");
        }
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper m = Json.MAPPER.copy();
        m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            m.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            m.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return m;
    }
}
