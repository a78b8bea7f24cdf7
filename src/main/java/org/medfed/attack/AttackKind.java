package org.medfed.attack;

import java.util.Objects;
import java.util.function.DoublePredicate;
import java.util.function.Function;

/**
 * One kind of simulated attack as the catalogue ({@link AttackCatalog}) lists it: its text id, how to write it, the
 * ready-made setting the workbench offers for teaching, its one number, what it does in words, and the
 * {@link UpdateAttack} it becomes. Everything about an attack outside its own class is here, so a new attack on
 * the updates is its class plus one catalogue entry.
 *
 * @param id           the text id, such as {@code "sign-flip"}
 * @param syntax       how to write it, for error messages and help
 * @param offered      the ready-made setting the workbench offers, such as {@code "scale:10"}
 * @param offeredLabel what the workbench calls the offered setting, such as "scaling ×10"
 * @param strength     its number, or null for the attack on the data (label flipping), which takes a permutation
 * @param describe     what an attacker with this setting does, in one plain clause
 * @param create       the attack on the updates; null for the attack on the data, applied when its data is loaded
 */
public record AttackKind(String id, String syntax, String offered, String offeredLabel, Strength strength,
                         Function<AttackSpec, String> describe, Function<AttackSpec, UpdateAttack> create) {

    /**
     * The one number of an attack on the updates.
     *
     * @param whenMissing its value when the text gives none, or null when the text must give it
     * @param example     a text with a sensible value, quoted when the number is missing
     * @param expectation what a valid value is, quoted when it is not one
     */
    public record Strength(Double whenMissing, String example, DoublePredicate valid, String expectation) {

        public Strength {
            Objects.requireNonNull(example, "example");
            Objects.requireNonNull(valid, "valid");
            Objects.requireNonNull(expectation, "expectation");
        }

        /** A number the text may leave out, then {@code value}. */
        public static Strength optional(double value, String example, DoublePredicate valid, String expectation) {
            return new Strength(value, example, valid, expectation);
        }

        /** A number the text must give. */
        public static Strength required(String example, DoublePredicate valid, String expectation) {
            return new Strength(null, example, valid, expectation);
        }
    }

    public AttackKind {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(offered, "offered");
        Objects.requireNonNull(offeredLabel, "offeredLabel");
        Objects.requireNonNull(describe, "describe");
        if ((strength == null) != (create == null)) {
            throw new IllegalArgumentException(id + ": an attack on the updates has a strength and an UpdateAttack, "
                    + "the attack on the data neither");
        }
    }

    /** True for the attack on the data (applied when loading), false for attacks on the updates sent. */
    public boolean changesData() {
        return create == null;
    }

    @Override
    public String toString() {
        return id;
    }
}
