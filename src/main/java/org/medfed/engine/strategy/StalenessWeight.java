package org.medfed.engine.strategy;

import java.util.Locale;
import org.medfed.engine.BadInputException;

/**
 * How much an update counts given how many versions of the global model it is behind (its staleness {@code t}),
 * after Xie et al. 2019 (FedAsync): constant 1; polynomial {@code (t + 1)^-a}; hinge 1 up to {@code b} versions
 * behind, then {@code 1 / (a (t - b) + 1)}.
 */
public record StalenessWeight(Kind kind, double a, double b) {

    public enum Kind { CONSTANT, POLYNOMIAL, HINGE }

    public StalenessWeight {
        if (kind != Kind.CONSTANT && !(a >= 0 && Double.isFinite(a))) {
            throw new BadInputException("the staleness exponent or slope a must be a number >= 0, was " + a);
        }
        if (kind == Kind.HINGE && !(b >= 0 && Double.isFinite(b))) {
            throw new BadInputException("the hinge's staleness allowance b must be a number >= 0, was " + b);
        }
    }

    public static StalenessWeight constant() {
        return new StalenessWeight(Kind.CONSTANT, 0, 0);
    }

    public static StalenessWeight polynomial(double a) {
        return new StalenessWeight(Kind.POLYNOMIAL, a, 0);
    }

    public static StalenessWeight hinge(double a, double b) {
        return new StalenessWeight(Kind.HINGE, a, b);
    }

    /** The weight of an update {@code staleness} versions behind, in (0, 1]. */
    public double of(int staleness) {
        if (staleness < 0) {
            throw new IllegalArgumentException("staleness cannot be negative: " + staleness);
        }
        return switch (kind) {
            case CONSTANT -> 1.0;
            case POLYNOMIAL -> Math.pow(staleness + 1.0, -a);
            case HINGE -> staleness <= b ? 1.0 : 1.0 / (a * (staleness - b) + 1.0);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CONSTANT -> "constant";
            case POLYNOMIAL -> String.format(Locale.ROOT, "polynomial (a = %s)", a);
            case HINGE -> String.format(Locale.ROOT, "hinge (a = %s, b = %s)", a, b);
        };
    }
}
