package org.medfed.node.policy;

import java.math.BigDecimal;
import java.math.MathContext;

/** Epsilon as a person reads it in a refusal: three significant digits ("8.24", "0.5"), "no bound" for infinity. */
final class Epsilons {

    private Epsilons() {
    }

    static String show(double epsilon) {
        if (Double.isNaN(epsilon) || Double.isInfinite(epsilon)) {
            return "no bound";
        }
        return BigDecimal.valueOf(epsilon).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
