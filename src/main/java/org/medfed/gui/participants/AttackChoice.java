package org.medfed.gui.participants;

import java.util.Arrays;
import java.util.List;
import org.medfed.attack.AttackSpec;
import org.medfed.engine.BadInputException;

/**
 * The simulated attacks offered in the hospitals table, each a ready-made setting of the engine's attacks
 * ({@link org.medfed.attack.AttackKind}), for teaching how a defence copes. A study file may hold other
 * strengths (such as {@code scale:4}); those are shown as they are.
 */
public enum AttackChoice {
    NONE("none", "none"),
    LABEL_FLIP("label-flip", "label flipping"),
    SIGN_FLIP("sign-flip", "sign flipping"),
    SCALE("scale:10", "scaling ×10"),
    NOISE("noise:1", "gaussian noise (σ 1)"),
    FREE_RIDE("free-ride", "free-riding");

    private final String text;
    private final String label;

    AttackChoice(String text, String label) {
        this.text = text;
        this.label = label;
    }

    /** The study file's text form, such as {@code "sign-flip"}. */
    public String text() {
        return text;
    }

    /** The texts of every choice, for the table's combo box. */
    public static List<String> texts() {
        return Arrays.stream(values()).map(AttackChoice::text).toList();
    }

    /** What the table shows for a study's attack text: the choice's name, or the text itself, or "none". */
    public static String label(String attack) {
        if (attack == null || attack.isBlank() || attack.equalsIgnoreCase("none")) {
            return NONE.label;
        }
        for (AttackChoice c : values()) {
            if (c.text.equalsIgnoreCase(attack.strip())) {
                return c.label;
            }
        }
        return attack.strip();
    }

    /** The study text for a label or text typed back from the combo box. */
    public static String fromLabel(String label) {
        for (AttackChoice c : values()) {
            if (c.label.equals(label) || c.text.equals(label)) {
                return c.text;
            }
        }
        return label;
    }

    /** True when a hospital plays an attacker. */
    public static boolean isAttack(String attack) {
        return attack != null && !attack.isBlank() && !attack.equalsIgnoreCase("none");
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
