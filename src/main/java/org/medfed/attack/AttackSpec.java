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
 * @param kind        what the attacker does
 * @param strength    sign-flip: scale of the reversed change (1 unless given); scale: the factor; noise: the
 *                    standard deviation; free-ride: the standard deviation of the noise added to the global model
 *                    (0 unless given); label-flip: unused, 0
 * @param permutation label-flip only: {@code permutation.get(y)} is the label that replaces {@code y}; empty
 *                    means {@code y -> C - 1 - y}
 */
public record AttackSpec(AttackKind kind, double strength, List<Integer> permutation) {

    public AttackSpec {
        Objects.requireNonNull(kind, "kind");
        permutation = List.copyOf(permutation);
        switch (kind) {
            case SIGN_FLIP -> require(strength > 0, kind, "the scale must be a positive number, such as sign-flip:2",
                    strength);
            case SCALE -> require(strength > 0, kind, "the factor must be a positive number, such as scale:10 "
                    + "(use sign-flip for negative factors)", strength);
            case NOISE -> require(strength > 0, kind, "sigma must be a positive number, such as noise:0.5", strength);
            case FREE_RIDE -> require(strength >= 0, kind, "sigma must be 0 or a positive number, such as "
                    + "free-ride:0.001", strength);
            case LABEL_FLIP -> {
                if (strength != 0) {
                    throw new BadInputException("attack label-flip takes no strength, was " + strength);
                }
                if (!permutation.isEmpty()) {
                    LabelFlip.requirePermutation(permutation.stream().mapToInt(Integer::intValue).toArray());
                }
            }
        }
        if (kind != AttackKind.LABEL_FLIP && !permutation.isEmpty()) {
            throw new BadInputException("attack " + kind.id() + " takes no label permutation");
        }
    }

    private static void require(boolean ok, AttackKind kind, String expectation, double was) {
        if (!ok || !Double.isFinite(was)) {
            throw new BadInputException("attack " + kind.id() + ": " + expectation + "; was " + was);
        }
    }

    public static AttackSpec signFlip() {
        return new AttackSpec(AttackKind.SIGN_FLIP, 1, List.of());
    }

    public static AttackSpec signFlip(double scale) {
        return new AttackSpec(AttackKind.SIGN_FLIP, scale, List.of());
    }

    public static AttackSpec scale(double factor) {
        return new AttackSpec(AttackKind.SCALE, factor, List.of());
    }

    public static AttackSpec noise(double sigma) {
        return new AttackSpec(AttackKind.NOISE, sigma, List.of());
    }

    public static AttackSpec freeRide() {
        return new AttackSpec(AttackKind.FREE_RIDE, 0, List.of());
    }

    public static AttackSpec freeRide(double sigma) {
        return new AttackSpec(AttackKind.FREE_RIDE, sigma, List.of());
    }

    /** Labels {@code y -> C - 1 - y}: 0 and 1 swap in a binary task. */
    public static AttackSpec labelFlip() {
        return new AttackSpec(AttackKind.LABEL_FLIP, 0, List.of());
    }

    /** Labels {@code y -> mapping[y]}. */
    public static AttackSpec labelFlip(int... mapping) {
        List<Integer> list = new ArrayList<>();
        for (int m : mapping) {
            list.add(m);
        }
        return new AttackSpec(AttackKind.LABEL_FLIP, 0, list);
    }

    /**
     * Reads the short text form. Case and spaces around the parts do not matter.
     *
     * @throws BadInputException for an unknown kind, a missing or malformed parameter, naming the accepted forms
     */
    public static AttackSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("no attack given; expected one of: " + AttackKind.allSyntaxes());
        }
        String trimmed = text.strip();
        int colon = trimmed.indexOf(':');
        String id = (colon < 0 ? trimmed : trimmed.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        String parameter = colon < 0 ? null : trimmed.substring(colon + 1).strip();
        AttackKind kind = AttackKind.byId(id).orElseThrow(() -> new BadInputException("attack '" + trimmed
                + "' is unknown; expected one of: " + AttackKind.allSyntaxes()));
        if (parameter != null && parameter.isEmpty()) {
            throw new BadInputException("attack '" + trimmed + "' has nothing after ':'; write " + kind.syntax());
        }
        return switch (kind) {
            case SIGN_FLIP -> signFlip(parameter == null ? 1 : number(trimmed, kind, parameter));
            case SCALE, NOISE -> {
                if (parameter == null) {
                    throw new BadInputException("attack '" + trimmed + "' needs a number; write " + kind.syntax()
                            + (kind == AttackKind.SCALE ? ", such as scale:10" : ", such as noise:0.5"));
                }
                yield new AttackSpec(kind, number(trimmed, kind, parameter), List.of());
            }
            case FREE_RIDE -> freeRide(parameter == null ? 0 : number(trimmed, kind, parameter));
            case LABEL_FLIP -> parameter == null ? labelFlip() : labelFlip(labels(trimmed, parameter));
        };
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
        return switch (kind) {
            case SIGN_FLIP -> strength == 1 ? kind.id() : kind.id() + ":" + format(strength);
            case SCALE, NOISE -> kind.id() + ":" + format(strength);
            case FREE_RIDE -> strength == 0 ? kind.id() : kind.id() + ":" + format(strength);
            case LABEL_FLIP -> permutation.isEmpty() ? kind.id()
                    : kind.id() + ":" + String.join(",", permutation.stream().map(String::valueOf).toList());
        };
    }

    /** One plain sentence for the study screen and the log. */
    public String describe() {
        String what = switch (kind) {
            case SIGN_FLIP -> "sends the opposite of its trained change" + (strength == 1 ? "" : ", " + format(strength)
                    + " times as long");
            case SCALE -> "sends its trained change multiplied by " + format(strength)
                    + " (model replacement when this equals the number of participants)";
            case NOISE -> "sends random noise (standard deviation " + format(strength) + ") instead of a trained change";
            case FREE_RIDE -> "sends the global model back without training" + (strength == 0 ? ""
                    : ", plus noise of standard deviation " + format(strength));
            case LABEL_FLIP -> "trains on flipped labels (" + (permutation.isEmpty() ? "class y becomes C - 1 - y"
                    : "class y becomes " + permutation + "[y]") + ")";
        };
        return "simulated attack: " + what;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
        return toText();
    }
}
