package org.medfed.project;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.medfed.engine.protocol.Procedure;

/**
 * The kinds of data a hospital node may hold, as {@code node.json} names them ({@code "kind": "table"}), and which
 * procedures of the catalogue make sense on each.
 *
 * <p>The procedures that work on a model (train, evaluate, describe, and the filters and key exchange around them)
 * apply to every kind; the steps of preparing a table ({@code table.*}) to tables and to genotypes (whose node builds
 * the risk model's table from its VCF and phenotype sheet), those of preparing an image folder ({@code images.*})
 * only to images, and the association study's steps ({@code gwas.*}) only to genotypes. A procedure that only makes sense for one kind is excluded from
 * the others here, instead of being allowed everywhere by a policy that says {@code "procedures": null}.
 */
public enum DataKind {

    TABLE("table", without("images.", "gwas.")),
    IMAGES("images", without("table.", "gwas.")),
    GENOTYPES("genotypes", without("images."));

    private final String id;
    private final Set<Procedure> procedures;

    DataKind(String id, Set<Procedure> procedures) {
        this.id = id;
        this.procedures = Collections.unmodifiableSet(procedures);
    }

    public String id() {
        return id;
    }

    /**
     * The catalogue without the procedures whose ids start with one of {@code prefixes}: the steps of preparing a
     * table ({@code table.*}) summarise columns, those of an image folder ({@code images.*}) read images, those of
     * the association study ({@code gwas.*}) read a VCF and a phenotype sheet; none makes sense on other data.
     */
    private static Set<Procedure> without(String... prefixes) {
        Set<Procedure> all = EnumSet.allOf(Procedure.class);
        for (String prefix : prefixes) {
            all.removeIf(p -> p.id().startsWith(prefix));
        }
        return all;
    }

    /** The catalogue procedures that can run on data of this kind. */
    public Set<Procedure> procedures() {
        return procedures;
    }

    public boolean serves(Procedure p) {
        return procedures.contains(p);
    }

    public static Optional<DataKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    /** The known ids, for messages: "table, images, genotypes". */
    public static String knownIds() {
        return String.join(", ", Arrays.stream(values()).map(DataKind::id).toList());
    }
}
