package org.medfed.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.medfed.attack.AttackKind.Strength;
import org.medfed.engine.BadInputException;

/**
 * Every simulated attack a participant can be given. The study file, the command line ({@code --attack}) and the
 * workbench's hospitals table all read this list: a new attack on the updates is its {@link UpdateAttack} class
 * plus one entry here. A study file may hold other strengths than the ready-made settings (such as
 * {@code scale:4}); those are shown as they are written.
 */
public final class AttackCatalog {

    public static final String NONE = "none";

    private static final List<AttackKind> ALL = List.of(
            // sends the opposite of its honest change, optionally scaled
            new AttackKind("sign-flip", "sign-flip or sign-flip:<scale>", "sign-flip", "sign flipping",
                    Strength.optional(1, "sign-flip:2", s -> s > 0,
                            "the scale must be a positive number, such as sign-flip:2"),
                    a -> "sends the opposite of its trained change" + (a.strength() == 1 ? ""
                            : ", " + AttackSpec.format(a.strength()) + " times as long"),
                    a -> new ScalingAttack(-a.strength())),
            // boosting: with the factor equal to the study size the attacker's model replaces the average
            new AttackKind("scale", "scale:<factor>", "scale:10", "scaling ×10",
                    Strength.required("scale:10", s -> s > 0, "the factor must be a positive number, such as "
                            + "scale:10 (use sign-flip for negative factors)"),
                    a -> "sends its trained change multiplied by " + AttackSpec.format(a.strength())
                            + " (model replacement when this equals the number of participants)",
                    a -> new ScalingAttack(a.strength())),
            new AttackKind("noise", "noise:<sigma>", "noise:1", "gaussian noise (σ 1)",
                    Strength.required("noise:0.5", s -> s > 0, "sigma must be a positive number, such as noise:0.5"),
                    a -> "sends random noise (standard deviation " + AttackSpec.format(a.strength())
                            + ") instead of a trained change",
                    a -> new GaussianNoiseAttack(a.strength())),
            // pretends to have trained: the global model back, optionally with a little noise
            new AttackKind("free-ride", "free-ride or free-ride:<sigma>", "free-ride", "free-riding",
                    Strength.optional(0, "free-ride:0.001", s -> s >= 0,
                            "sigma must be 0 or a positive number, such as free-ride:0.001"),
                    a -> "sends the global model back without training" + (a.strength() == 0 ? ""
                            : ", plus noise of standard deviation " + AttackSpec.format(a.strength())),
                    a -> new FreeRideAttack(a.strength())),
            // the attack on the data: applied to the hospital's labels when its data is loaded (LabelFlip)
            new AttackKind(LabelFlip.ID, "label-flip or label-flip:<new label for 0>,<for 1>,...", "label-flip",
                    "label flipping", null,
                    a -> "trains on flipped labels (" + (a.permutation().isEmpty() ? "class y becomes C - 1 - y"
                            : "class y becomes " + a.permutation() + "[y]") + ")",
                    null));

    private AttackCatalog() {
    }

    public static List<AttackKind> all() {
        return ALL;
    }

    public static Optional<AttackKind> find(String id) {
        return ALL.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** The attack {@code id}, which must be in the catalogue (for code that names one). */
    public static AttackKind kind(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no attack '" + id + "' in the catalogue"));
    }

    /** Every form, for a message: "sign-flip or sign-flip:&lt;scale&gt;; scale:&lt;factor&gt;; ...". */
    public static String syntaxes() {
        return ALL.stream().map(AttackKind::syntax).collect(Collectors.joining("; "));
    }

    /** The texts offered: "none" and each kind's ready-made setting. */
    public static List<String> offeredTexts() {
        List<String> out = new ArrayList<>();
        out.add(NONE);
        ALL.stream().map(AttackKind::offered).forEach(out::add);
        return out;
    }

    /** What the table shows for a study's attack text: the offered setting's name, or the text itself, or "none". */
    public static String label(String attack) {
        if (!isAttack(attack)) {
            return NONE;
        }
        return ALL.stream().filter(k -> k.offered().equalsIgnoreCase(attack.strip()))
                .map(AttackKind::offeredLabel).findFirst().orElse(attack.strip());
    }

    /** The study text for a name or text chosen in the table. */
    public static String fromLabel(String label) {
        return ALL.stream().filter(k -> k.offeredLabel().equals(label) || k.offered().equals(label))
                .map(AttackKind::offered).findFirst().orElse(label);
    }

    /** True when a hospital plays an attacker. */
    public static boolean isAttack(String attack) {
        return attack != null && !attack.isBlank() && !attack.equalsIgnoreCase(NONE);
    }

    /** What is wrong with an attack text, in words, or null. */
    public static String problem(String attack) {
        if (!isAttack(attack)) {
            return null;
        }
        try {
            AttackSpec.parse(attack);
            return null;
        } catch (BadInputException e) {
            return e.getMessage();
        }
    }
}
