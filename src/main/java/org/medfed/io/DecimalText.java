package org.medfed.io;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;

/**
 * A double as the shortest decimal that reads back as the same double (Raffaello Giulietti's Schubfach, the
 * algorithm of {@code Double.toString} since Java 19, as jackson-core ships it), in {@code Double.toString}'s
 * layout. Java 17's own {@code Double.toString} sometimes gives a digit more, so a file written with it could
 * differ between the Java versions MedFed runs on; and its conversion is slow enough to matter in the hundreds of
 * thousands of numbers of an association study's results (docs/genotypes.md section 9).
 */
public final class DecimalText {

    private DecimalText() {
    }

    /** Appends the shortest decimal of {@code x} (finite, infinite or NaN, as {@code Double.toString} spells them). */
    public static StringBuilder append(StringBuilder out, double x) {
        return out.append(DoubleToDecimal.toString(x));
    }

    /** The shortest decimal as people write a threshold: 5e-8, 1e-5, 0.001 (not "5.0E-8"). */
    public static String asWritten(double x) {
        return DoubleToDecimal.toString(x).replace(".0E", "E").replace('E', 'e');
    }
}
