package org.medfed.data.harmonise;

import java.util.List;

/**
 * A conversion between two units of the same measurement by a factor: numbers in {@code smallUnit} times
 * {@code factor} are numbers in {@code largeUnit} (cholesterol: mmol/L × 38.67 = mg/dL). Only conversions by a
 * factor: a temperature in °C and °F differs by an offset too, and is not one.
 *
 * @param what what is measured in these units, for messages ("cholesterol", "weight")
 */
public record UnitFactor(double factor, String smallUnit, String largeUnit, String what) {

    /**
     * The factors the check across hospitals recognises. Any two differ by more than 10 %, so that a ratio
     * within {@link UnitHints#MEAN_TOLERANCE} of one is not also near another.
     */
    public static final List<UnitFactor> KNOWN = List.of(
            new UnitFactor(1 / 0.45359237, "kg", "lb", "weight"),
            new UnitFactor(2.54, "in", "cm", "length"),
            new UnitFactor(7.50062, "kPa", "mmHg", "pressure"),
            new UnitFactor(10, "cm or g/dL", "mm or g/L", "length or concentration"),
            new UnitFactor(18.0, "mmol/L", "mg/dL", "glucose"),
            new UnitFactor(38.67, "mmol/L", "mg/dL", "cholesterol"),
            new UnitFactor(100, "m", "cm", "height"),
            new UnitFactor(1000, "kg or L", "g or mL", "mass or volume"));
}
