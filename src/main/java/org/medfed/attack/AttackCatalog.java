package org.medfed.attack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.medfed.engine.BadInputException;

/**
 * The attacks as the workbench's hospitals table offers them, read from {@link AttackKind}: "none" and each
 * kind's ready-made setting with its name. A study file may hold other strengths (such as {@code scale:4}); those
 * are shown as they are written.
 */
public final class AttackCatalog {

    public static final String NONE = "none";

    private AttackCatalog() {
    }

    /** The texts offered: "none" and each kind's ready-made setting. */
    public static List<String> offeredTexts() {
        List<String> out = new ArrayList<>();
        out.add(NONE);
        Arrays.stream(AttackKind.values()).map(AttackKind::offered).forEach(out::add);
        return out;
    }

    /** What the table shows for a study's attack text: the offered setting's name, or the text itself, or "none". */
    public static String label(String attack) {
        if (!isAttack(attack)) {
            return NONE;
        }
        return Arrays.stream(AttackKind.values()).filter(k -> k.offered().equalsIgnoreCase(attack.strip()))
                .map(AttackKind::offeredLabel).findFirst().orElse(attack.strip());
    }

    /** The study text for a name or text chosen in the table. */
    public static String fromLabel(String label) {
        return Arrays.stream(AttackKind.values()).filter(k -> k.offeredLabel().equals(label) || k.offered().equals(label))
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
