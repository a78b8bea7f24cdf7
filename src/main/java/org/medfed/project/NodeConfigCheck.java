package org.medfed.project;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.medfed.data.csv.CsvFormat;
import org.medfed.engine.BadInputException;
import org.medfed.engine.protocol.Procedure;

/**
 * Turns {@code node.json} as written ({@link NodeFile}) into checked settings ({@link NodeConfig}). Every message
 * names the file and the field ({@code node.json: field 'policy.minimumCount' is missing, expected ...}), since
 * the person reading it is a hospital's IT, editing the file by hand.
 */
final class NodeConfigCheck {

    /** Dataset ids appear in requests, audit logs and state folder names: the same safe characters as node names. */
    private static final Pattern DATASET_ID = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,62}[A-Za-z0-9])?");

    private final Path file;

    private NodeConfigCheck(Path file) {
        this.file = file;
    }

    static NodeConfig check(Path file, NodeFile raw) {
        return new NodeConfigCheck(file).config(raw);
    }

    private NodeConfig config(NodeFile raw) {
        String node = required(raw.node(), "node", "the hospital's name, as in its certificate");
        HospitalNames.problem(node).ifPresent(problem -> fail("node", "is not usable: " + problem));
        String study = required(raw.study(), "study", "the study's name, as in the certificates");
        if (study.isBlank()) {
            fail("study", "is empty");
        }
        CoordinatorAddress coordinator = coordinator(required(raw.coordinator(), "coordinator",
                "the coordinator's HOST:PORT"));
        Path certificate = path(required(raw.certificate(), "certificate", "this node's certificate file"),
                "certificate");
        Path key = path(required(raw.key(), "key", "this node's private key file"), "key");
        Path ca = path(required(raw.ca(), "ca", "the study CA's certificate file"), "ca");
        List<NodeDataset> datasets = datasets(required(raw.datasets(), "datasets", "a list of datasets [...]"));
        NodePolicySection policy = policy(required(raw.policy(), "policy", "the hospital's policy { ... }"));
        Path auditLog = path(required(raw.auditLog(), "auditLog", "the audit log file, for example audit.jsonl"),
                "auditLog");
        Path stateFolder = path(required(raw.stateFolder(), "stateFolder", "the folder where the node keeps its "
                + "state, for example state/"), "stateFolder");
        return new NodeConfig(file, node, study, coordinator, certificate, key, ca, datasets, policy, auditLog,
                stateFolder);
    }

    private CoordinatorAddress coordinator(String text) {
        try {
            return CoordinatorAddress.parse(text);
        } catch (BadInputException e) {
            throw new BadInputException(file, null, "field 'coordinator' is not usable: " + e.getMessage(), e);
        }
    }

    private List<NodeDataset> datasets(List<NodeFile.Dataset> entries) {
        if (entries.isEmpty()) {
            fail("datasets", "is empty: the node needs at least one dataset to serve");
        }
        List<NodeDataset> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = "datasets[" + i + "]";
            NodeFile.Dataset d = entries.get(i);
            if (d == null) {
                fail(where, "is null, expected a dataset { \"id\": ..., \"kind\": ... }");
            }
            String id = required(d.id(), where + ".id", "the dataset's name in requests, for example heart");
            if (!DATASET_ID.matcher(id).matches()) {
                fail(where + ".id", "is '" + id + "': an id may use only letters, digits, '.', '_' and '-', "
                        + "start and end with a letter or digit, and be at most 64 characters");
            }
            if (!ids.add(id)) {
                fail(where + ".id", "is '" + id + "' again: each dataset needs its own id");
            }
            out.add(dataset(d, where));
        }
        return out;
    }

    private NodeDataset dataset(NodeFile.Dataset d, String where) {
        String kindText = required(d.kind(), where + ".kind", "one of " + DataKind.knownIds());
        DataKind kind = DataKind.byId(kindText).orElseThrow(() -> problem(where + ".kind",
                "is '" + kindText + "', which is not a data kind; known: " + DataKind.knownIds()));
        Map<String, String> given = new LinkedHashMap<>();
        given.put("file", d.file());
        given.put("separator", d.separator());
        given.put("header", d.header());
        given.put("folder", d.folder());
        given.put("manifest", d.manifest());
        given.put("masks", d.masks());
        given.put("vcf", d.vcf());
        given.put("phenotypes", d.phenotypes());
        if (d.csv() != null) {
            given.put("csv", "given");
        }
        List<String> takes = switch (kind) {
            case TABLE -> List.of("file", "csv", "separator", "header");
            case IMAGES -> List.of("folder", "manifest", "masks");
            case GENOTYPES -> List.of("vcf", "phenotypes");
        };
        // a field of another kind is a mistake (a copied entry, a wrong kind), not something to ignore silently
        given.forEach((field, value) -> {
            if (value != null && !takes.contains(field)) {
                fail(where + "." + field, "does not belong to " + kind.id() + " data, which takes "
                        + String.join(", ", takes));
            }
        });
        return switch (kind) {
            case TABLE -> new NodeDataset.Table(d.id(), path(required(d.file(), where + ".file", "the CSV file"),
                    where + ".file"), csv(d, where));
            case IMAGES -> new NodeDataset.Images(d.id(), path(required(d.folder(), where + ".folder",
                    "the images' folder"), where + ".folder"),
                    d.manifest() == null ? null : path(d.manifest(), where + ".manifest"),
                    d.masks() == null ? null : path(d.masks(), where + ".masks"));
            case GENOTYPES -> new NodeDataset.Genotypes(d.id(), path(required(d.vcf(), where + ".vcf",
                    "the VCF file"), where + ".vcf"), path(required(d.phenotypes(), where + ".phenotypes",
                    "the phenotype sheet"), where + ".phenotypes"));
        };
    }

    /**
     * A table's reading options: its {@code csv}, or (schema 1) its {@code separator} and {@code header}; each value
     * checked here, so that a bad one is named by its field when the file loads rather than when the table is read.
     */
    private CsvOptions csv(NodeFile.Dataset d, String where) {
        boolean legacy = d.csv() == null;
        if (!legacy && (d.separator() != null || d.header() != null)) {
            fail(where + "." + (d.separator() != null ? "separator" : "header"), "is given beside \"csv\": write it "
                    + "in \"csv\" as well, for example \"csv\": {\"separator\": \";\", \"header\": \"no\"}");
        }
        CsvOptions csv = legacy ? CsvOptions.NONE.withSeparator(d.separator()).withHeader(d.header()) : d.csv();
        String prefix = legacy ? where + "." : where + ".csv.";
        usable(csv.separator(), prefix + "separator", CsvFormat::parseSeparator);
        usable(csv.header(), prefix + "header", CsvOptions::headerMode);
        usable(csv.encoding(), prefix + "encoding", CsvFormat::parseEncoding);
        usable(csv.quote(), prefix + "quote", CsvFormat::parseQuote);
        return csv;
    }

    private void usable(String value, String field, java.util.function.Function<String, ?> parse) {
        if (value == null) {
            return;
        }
        try {
            parse.apply(value);
        } catch (BadInputException e) {
            fail(field, "is not usable: " + e.getMessage());
        }
    }

    private NodePolicySection policy(NodeFile.Policy p) {
        List<String> kindIds = required(p.dataKinds(), "policy.dataKinds", "the kinds of data served, for example "
                + "[\"table\"]");
        if (kindIds.isEmpty()) {
            fail("policy.dataKinds", "is empty: the node would serve nothing; known kinds: " + DataKind.knownIds());
        }
        Set<DataKind> kinds = EnumSet.noneOf(DataKind.class);
        for (String id : kindIds) {
            kinds.add(DataKind.byId(id).orElseThrow(() -> problem("policy.dataKinds",
                    "lists '" + id + "', which is not a data kind; known: " + DataKind.knownIds())));
        }
        Set<Procedure> procedures = p.procedures() == null ? NodePolicySection.allAllowedBy(kinds)
                : procedures(p.procedures());
        int minimumCount = required(p.minimumCount(), "policy.minimumCount",
                "a whole number: the fewest examples a released figure may rest on");
        if (minimumCount < 0) {
            fail("policy.minimumCount", "is " + minimumCount + ", expected 0 (no minimum) or more");
        }
        boolean requireDp = required(p.requireDifferentialPrivacy(), "policy.requireDifferentialPrivacy",
                "true or false");
        OptionalDouble maxEpsilon = OptionalDouble.empty();
        if (p.maxEpsilon() != null) {
            if (!(p.maxEpsilon() > 0) || p.maxEpsilon().isInfinite()) {
                fail("policy.maxEpsilon", "is " + p.maxEpsilon() + ", expected a positive number, or null for no "
                        + "limit");
            }
            maxEpsilon = OptionalDouble.of(p.maxEpsilon());
        }
        OptionalInt maxRounds = OptionalInt.empty();
        if (p.maxRounds() != null) {
            if (p.maxRounds() < 1) {
                fail("policy.maxRounds", "is " + p.maxRounds() + ", expected 1 or more, or null for no limit");
            }
            maxRounds = OptionalInt.of(p.maxRounds());
        }
        return new NodePolicySection(kinds, procedures, minimumCount, requireDp, maxEpsilon, maxRounds);
    }

    private Set<Procedure> procedures(List<String> ids) {
        if (ids.isEmpty()) {
            fail("policy.procedures", "is empty: the node would serve nothing; write null for every procedure its "
                    + "data kinds allow");
        }
        Set<Procedure> out = EnumSet.noneOf(Procedure.class);
        for (String id : ids) {
            if (Procedure.RETIRED.containsKey(id)) {
                fail("policy.procedures", "lists '" + id + "', which this version replaced by "
                        + Procedure.RETIRED.get(id) + "; remove it from the list");
            }
            out.add(Procedure.byId(id).orElseThrow(() -> problem("policy.procedures", "lists '" + id
                    + "', which is not a procedure of the catalogue; known: "
                    + String.join(", ", Arrays.stream(Procedure.values()).map(Procedure::id).toList()))));
        }
        return out;
    }

    private Path path(String text, String field) {
        if (text.isBlank()) {
            fail(field, "is empty, expected a path");
        }
        try {
            return StudyFile.resolve(file, text);
        } catch (InvalidPathException e) {
            throw problem(field, "is \"" + text + "\", which is not a valid path: " + e.getReason());
        }
    }

    private <T> T required(T value, String field, String expected) {
        if (value == null) {
            fail(field, "is missing, expected " + expected);
        }
        return value;
    }

    private void fail(String field, String problem) {
        throw problem(field, problem);
    }

    private BadInputException problem(String field, String problem) {
        return new BadInputException(file, null, "field '" + field + "' " + problem);
    }
}
