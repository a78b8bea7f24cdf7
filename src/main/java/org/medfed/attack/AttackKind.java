package org.medfed.attack;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The simulated attacks a participant can be given, with the short text form study files and the CLI use. */
public enum AttackKind {
    /** Sends the opposite of its honest change, optionally scaled. */
    SIGN_FLIP("sign-flip", "sign-flip or sign-flip:<scale>"),
    /** Sends its honest change multiplied by a factor (model replacement when the factor is the study size). */
    SCALE("scale", "scale:<factor>"),
    /** Sends random Gaussian noise instead of a trained change. */
    NOISE("noise", "noise:<sigma>"),
    /** Sends the global model back unchanged, optionally with a little noise, pretending to have trained. */
    FREE_RIDE("free-ride", "free-ride or free-ride:<sigma>"),
    /** Trains on relabelled data: applied to the hospital's labels when its data is loaded. */
    LABEL_FLIP("label-flip", "label-flip or label-flip:<new label for 0>,<for 1>,...");

    private final String id;
    private final String syntax;

    AttackKind(String id, String syntax) {
        this.id = id;
        this.syntax = syntax;
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
