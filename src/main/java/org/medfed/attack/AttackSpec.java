package org.medfed.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.medfed.engine.BadInputException;

/**
 * A simulated attack given to one participant, for teaching and for testing defences: the kind and its
 * parameter, written in a study file or on the command line as a short text such as {@code "sign-flip"},
 * {@code "scale:10"}, {@code "noise:0.5"}, {@code "free-ride"} or {@code "label-flip:1,2,0"}.
 *
 * @param kind        what the attacker does, an entry of {@link AttackCatalog}
 * @param strength    the attack's one number (sign-flip: scale of the reversed change; scale: the factor; noise
 *                    and free-ride: a standard deviation); 0 for the attack on the data, which has none
 * @param permutation label-flip only: {@code permutation.get(y)} is the label that replaces {@code y}; empty
 *                    means {@code y -> C - 1 - y}
 */
public record AttackSpec(AttackKind kind, double strength, List<Integer> permutation) {

    public AttackSpec {
        Objects.requireNonNull(kind, "kind");
        permutation = List.copyOf(permutation);
        AttackKind.Strength s = kind.strength();
        if (s == null) {
            if (strength != 0) {
                throw new BadInputException("attack " + kind.id() + " takes no strength, was " + strength);
            }
            if (!permutation.isEmpty()) {
                LabelFlip.requirePermutation(permutation.stream().mapToInt(Integer::intValue).toArray());
            }
        } else {
            if (!s.valid().test(strength) || !Double.isFinite(strength)) {
                throw new BadInputException("attack " + kind.id() + ": " + s.expectation() + "; was " + strength);
            }
            if (!permutation.isEmpty()) {
                throw new BadInputException("attack " + kind.id() + " takes no label permutation");
            }
        }
    }

    /** The catalogue's attack {@code id} with {@code strength}, for code and tests that name one. */
    public static AttackSpec of(String id, double strength) {
        return new AttackSpec(AttackCatalog.kind(id), strength, List.of());
    }

    public static AttackSpec signFlip() {
        return signFlip(1);
    }

    public static AttackSpec signFlip(double scale) {
        return of("sign-flip", scale);
    }

    public static AttackSpec scale(double factor) {
        return of("scale", factor);
    }

    public static AttackSpec noise(double sigma) {
        return of("noise", sigma);
    }

    public static AttackSpec freeRide() {
        return freeRide(0);
    }

    public static AttackSpec freeRide(double sigma) {
        return of("free-ride", sigma);
    }

    /** Labels {@code y -> C - 1 - y}: 0 and 1 swap in a binary task. */
    public static AttackSpec labelFlip() {
        return of(LabelFlip.ID, 0);
    }

    /** Labels {@code y -> mapping[y]}. */
    public static AttackSpec labelFlip(int... mapping) {
        List<Integer> list = new ArrayList<>();
        for (int m : mapping) {
            list.add(m);
        }
        return new AttackSpec(AttackCatalog.kind(LabelFlip.ID), 0, list);
    }

    /**
     * Reads the short text form. Case and spaces around the parts do not matter.
     *
     * @throws BadInputException for an unknown kind, a missing or malformed parameter, naming the accepted forms
     */
    public static AttackSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("no attack given; expected one of: " + AttackCatalog.syntaxes());
        }
        String trimmed = text.strip();
        int colon = trimmed.indexOf(':');
        String id = (colon < 0 ? trimmed : trimmed.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        String parameter = colon < 0 ? null : trimmed.substring(colon + 1).strip();
        AttackKind kind = AttackCatalog.find(id).orElseThrow(() -> new BadInputException("attack '" + trimmed
                + "' is unknown; expected one of: " + AttackCatalog.syntaxes()));
        if (parameter != null && parameter.isEmpty()) {
            throw new BadInputException("attack '" + trimmed + "' has nothing after ':'; write " + kind.syntax());
        }
        AttackKind.Strength strength = kind.strength();
        if (strength == null) {
            List<Integer> mapping = new ArrayList<>();
            if (parameter != null) {
                for (int label : labels(trimmed, parameter)) {
                    mapping.add(label);
                }
            }
            return new AttackSpec(kind, 0, mapping);
        }
        if (parameter == null && strength.whenMissing() == null) {
            throw new BadInputException("attack '" + trimmed + "' needs a number; write " + kind.syntax()
                    + ", such as " + strength.example());
        }
        double value = parameter == null ? strength.whenMissing() : number(trimmed, kind, parameter);
        return new AttackSpec(kind, value, List.of());
    }

    private static double number(String text, AttackKind kind, String parameter) {
        try {
            return Double.parseDouble(parameter);
        } catch (NumberFormatException e) {
            throw new BadInputException("attack '" + text + "': '" + parameter + "' is not a number; write "
                    + kind.syntax());
        }
    }

    private static int[] labels(String text, String parameter) {
        String[] parts = parameter.split(",", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new BadInputException("attack '" + text + "': '" + parts[i].strip() + "' is not a class "
                        + "number; write the new label of each class in order, such as label-flip:1,2,0");
            }
        }
        return out;
    }

    /** The short text form; {@code parse(spec.toText())} gives {@code spec} back. */
    public String toText() {
        if (kind.strength() == null) {
            return permutation.isEmpty() ? kind.id()
                    : kind.id() + ":" + String.join(",", permutation.stream().map(String::valueOf).toList());
        }
        Double whenMissing = kind.strength().whenMissing();
        return whenMissing != null && strength == whenMissing ? kind.id() : kind.id() + ":" + format(strength);
    }

    /** One plain sentence for the study screen and the log. */
    public String describe() {
        return "simulated attack: " + kind.describe().apply(this);
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
        return toText();
    }
}
