package org.medfed.attack;

import java.util.Arrays;
import java.util.List;
import org.medfed.engine.BadInputException;

/**
 * Label flipping, a data-poisoning attack simulated at one hospital: its training labels are replaced before
 * training, {@code y -> C - 1 - y} by default (0 and 1 swap in a binary task) or through a given permutation.
 * A pure function: the loader of that hospital's data applies it to its class indices; nothing else changes.
 */
public final class LabelFlip {

    /** Its id in the catalogue. */
    static final String ID = "label-flip";

    private final int[] mapping;

    private LabelFlip(int[] mapping) {
        this.mapping = mapping;
    }

    /** {@code y -> classes - 1 - y}. */
    public static LabelFlip reverse(int classes) {
        requireClasses(classes);
        int[] m = new int[classes];
        for (int y = 0; y < classes; y++) {
            m[y] = classes - 1 - y;
        }
        return new LabelFlip(m);
    }

    /** {@code y -> mapping[y]}; the mapping must be a permutation of {@code 0..mapping.length-1}. */
    public static LabelFlip permutation(int... mapping) {
        requirePermutation(mapping);
        return new LabelFlip(mapping.clone());
    }

    /** The flip a {@code label-flip} spec describes, for a task with {@code classes} classes. */
    public static LabelFlip of(AttackSpec spec, int classes) {
        if (!spec.kind().id().equals(ID)) {
            throw new IllegalArgumentException(spec.toText() + " is not a label-flip attack");
        }
        if (spec.permutation().isEmpty()) {
            return reverse(classes);
        }
        if (spec.permutation().size() != classes) {
            throw new BadInputException("attack " + spec.toText() + " gives new labels for "
                    + spec.permutation().size() + " classes, but the task has " + classes);
        }
        return permutation(spec.permutation().stream().mapToInt(Integer::intValue).toArray());
    }

    public int classes() {
        return mapping.length;
    }

    /** The new label of each class, in class order. */
    public List<Integer> mapping() {
        return Arrays.stream(mapping).boxed().toList();
    }

    /** The label that replaces {@code label}. */
    public int map(int label) {
        if (label < 0 || label >= mapping.length) {
            throw new BadInputException("label " + label + " is outside 0.." + (mapping.length - 1) + " for a task with "
                    + mapping.length + " classes");
        }
        return mapping[label];
    }

    /** A new array with every label replaced; the input is left as it was. */
    public int[] apply(int[] labels) {
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int y = labels[i];
            if (y < 0 || y >= mapping.length) {
                throw new BadInputException("label " + y + " (example " + (i + 1) + ") is outside 0.."
                        + (mapping.length - 1) + " for a task with " + mapping.length + " classes");
            }
            out[i] = mapping[y];
        }
        return out;
    }

    private static void requireClasses(int classes) {
        if (classes < 2) {
            throw new BadInputException("label flipping needs a task with at least 2 classes, this one has " + classes);
        }
    }

    static void requirePermutation(int[] mapping) {
        requireClasses(mapping.length);
        int n = mapping.length;
        boolean[] seen = new boolean[n];
        for (int m : mapping) {
            if (m < 0 || m >= n) {
                throw new BadInputException("label-flip:" + join(mapping) + " is not a permutation: " + m
                        + " is outside 0.." + (n - 1));
            }
            if (seen[m]) {
                throw new BadInputException("label-flip:" + join(mapping) + " is not a permutation: " + m
                        + " appears twice; every class 0.." + (n - 1) + " must appear once");
            }
            seen[m] = true;
        }
    }

    private static String join(int[] mapping) {
        return String.join(",", Arrays.stream(mapping).mapToObj(String::valueOf).toList());
    }

    @Override
    public String toString() {
        return "LabelFlip" + Arrays.toString(mapping);
    }
}
