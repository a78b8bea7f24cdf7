package org.medfed.node.policy;

import java.util.List;
import java.util.Optional;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProtocolException;

/**
 * The hospital's small-count rule: nothing leaves that rests on fewer than {@code minimum} examples, since
 * metrics, sizes or an update computed from a handful of patients say too much about each of them. A count of 0
 * passes: it reveals no one.
 */
final class MinimumCountRule {

    private final int minimum;

    MinimumCountRule(int minimum) {
        this.minimum = minimum;
    }

    /** Before running: a model or gradient trained on {@code trainSize} rows would rest on that many. */
    Optional<String> refusalOfTraining(Procedure p, int trainSize) {
        if (trainSize >= minimum) {
            return Optional.empty();
        }
        return Optional.of("this hospital's dataset has " + trainSize + " training examples, fewer than the "
                + minimum + " its policy requires before anything trained on them leaves ('" + p.id() + "')");
    }

    /** After running: the counts the reply itself states, by what each procedure's reply holds. */
    Optional<String> refusalOfReply(Procedure p, Params reply) {
        if (minimum == 0) {
            return Optional.empty();
        }
        for (String count : countsIn(p)) {
            double n;
            try {
                n = reply.number(count);
            } catch (ProtocolException e) {
                // fail closed: a reply this hospital cannot check does not leave
                return Optional.of("the '" + p.id() + "' reply has no readable count '" + count + "' to hold to "
                        + "the minimum of " + minimum + " (" + e.getMessage() + ")");
            }
            if (!(n >= 0) || n != Math.rint(n)) {
                return Optional.of("the '" + p.id() + "' reply gives '" + count + "' as " + n + ", not a count, so "
                        + "this hospital cannot hold it to the minimum of " + minimum);
            }
            if (n > 0 && n < minimum) {
                return Optional.of(what(p, count, n) + ", fewer than the " + minimum + " this hospital's policy "
                        + "requires before anything leaves");
            }
        }
        return Optional.empty();
    }

    /**
     * The counts each reply carries ({@code SiteProcedures}): an evaluation's {@code examples}, a description's
     * {@code train_size} and {@code test_size}, a training update's {@code examples}, and every step of the
     * association study the {@code samples} its counts and sums rest on ({@code GwasHospitalSide}). A baseline's
     * reply carries no count; it is held to the minimum before it runs ({@link #refusalOfTraining}). Key exchange
     * and the other questions carry none.
     */
    private static List<String> countsIn(Procedure p) {
        if (p.kind() == Procedure.Kind.TRAINING || p == Procedure.EVALUATE) {
            return List.of("examples");
        }
        if (p == Procedure.TABLE_SUMMARY) {
            return List.of("rows");
        }
        if (p == Procedure.DESCRIBE) {
            return List.of("train_size", "test_size");
        }
        if (p == Procedure.GWAS_PREPARE || p == Procedure.GWAS_COUNTS || p == Procedure.GWAS_SUMS) {
            return List.of("samples");
        }
        return List.of();
    }

    private static String what(Procedure p, String count, double value) {
        long n = (long) value;
        if (p == Procedure.EVALUATE) {
            return "the evaluation rests on " + n + " examples";
        }
        if (p == Procedure.TABLE_SUMMARY) {
            return "the table has " + n + " rows";
        }
        if (p == Procedure.DESCRIBE) {
            return "the reply would say this hospital has " + n + (count.equals("train_size") ? " training" : " test")
                    + " examples";
        }
        if (count.equals("samples")) {
            return "the '" + p.id() + "' reply rests on the genotypes of " + n + " samples";
        }
        return "the '" + p.id() + "' update was computed from " + n + " examples";
    }
}
