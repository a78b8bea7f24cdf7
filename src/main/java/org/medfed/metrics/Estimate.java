package org.medfed.metrics;

/**
 * A figure with its 95% confidence interval; {@code low} and {@code high} are NaN where no interval can be
 * given (the value itself is NaN when the figure cannot be computed, such as sensitivity with no positive patient).
 */
public record Estimate(double value, double low, double high) {

    /** The confidence level of every interval the workbench reports. */
    public static final double LEVEL = 0.95;

    public static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, Double.NaN);

    public static Estimate pointOnly(double value) {
        return new Estimate(value, Double.NaN, Double.NaN);
    }

    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }
}
