package org.medfed.attack;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The simulated attacks a participant can be given: the catalogue that the study file, the command line
 * ({@code --attack}) and the workbench's hospitals table all read ({@link AttackCatalog}). Each has its short
 * text form and the ready-made setting the workbench offers for teaching.
 */
public enum AttackKind {
    /** Sends the opposite of its honest change, optionally scaled. */
    SIGN_FLIP("sign-flip", "sign-flip or sign-flip:<scale>", "sign-flip", "sign flipping"),
    /** Sends its honest change multiplied by a factor (model replacement when the factor is the study size). */
    SCALE("scale", "scale:<factor>", "scale:10", "scaling ×10"),
    /** Sends random Gaussian noise instead of a trained change. */
    NOISE("noise", "noise:<sigma>", "noise:1", "gaussian noise (σ 1)"),
    /** Sends the global model back unchanged, optionally with a little noise, pretending to have trained. */
    FREE_RIDE("free-ride", "free-ride or free-ride:<sigma>", "free-ride", "free-riding"),
    /** Trains on relabelled data: applied to the hospital's labels when its data is loaded. */
    LABEL_FLIP("label-flip", "label-flip or label-flip:<new label for 0>,<for 1>,...", "label-flip",
            "label flipping");

    private final String id;
    private final String syntax;
    private final String offered;
    private final String offeredLabel;

    AttackKind(String id, String syntax, String offered, String offeredLabel) {
        this.id = id;
        this.syntax = syntax;
        this.offered = offered;
        this.offeredLabel = offeredLabel;
    }

    /** The ready-made setting the workbench offers, such as {@code "scale:10"}. */
    public String offered() {
        return offered;
    }

    /** What the workbench calls the offered setting, such as "scaling ×10". */
    public String offeredLabel() {
        return offeredLabel;
    }

    /** The text id, such as {@code "sign-flip"}. */
    public String id() {
        return id;
    }

    /** How to write it, for error messages and help. */
    public String syntax() {
        return syntax;
    }

    /** True for attacks on the data (applied when loading), false for attacks on the updates sent. */
    public boolean changesData() {
        return this == LABEL_FLIP;
    }

    public static Optional<AttackKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    /** Every form, for a message: "sign-flip or sign-flip:&lt;scale&gt;, scale:&lt;factor&gt;, ...". */
    public static String allSyntaxes() {
        return Arrays.stream(values()).map(AttackKind::syntax).collect(Collectors.joining("; "));
    }
}
