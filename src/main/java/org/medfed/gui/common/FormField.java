package org.medfed.gui.common;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A text field's state in a form: the text as typed, the message to show next to it (empty when the text is
 * fine), and what to do with a valid value. Checked on every keystroke; only valid text reaches the study, and
 * text set from the study ({@link #show}) is not written back.
 */
public final class FormField {

    private final String id;
    private final String label;
    private final String help;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Function<String, String> check;
    private final Consumer<String> apply;
    private boolean showing;

    /**
     * @param check returns what is wrong with the text, or null
     * @param apply receives text that passed the check
     */
    public FormField(String id, String label, String help, Function<String, String> check, Consumer<String> apply) {
        this.id = id;
        this.label = label;
        this.help = help;
        this.check = check;
        this.apply = apply;
        text.addListener((obs, was, is) -> {
            String problem = check.apply(is);
            error.set(problem == null ? "" : problem);
            if (problem == null && !showing) {
                apply.accept(is);
            }
        });
    }

    /** Shows a value from the study without writing it back. */
    public void show(String value) {
        showing = true;
        try {
            text.set(value);
            String problem = check.apply(value);
            error.set(problem == null ? "" : problem);
        } finally {
            showing = false;
        }
    }

    public String id() { return id; }
    public String label() { return label; }
    public String help() { return help; }
    public StringProperty textProperty() { return text; }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public boolean valid() { return error.get().isEmpty(); }

    // ---- common checks

    /** A number in a range, with a message naming the field. */
    public static Function<String, String> number(String name, double min, boolean minInclusive, double max,
                                                  boolean maxInclusive) {
        return t -> {
            double v = NumberFields.parseDouble(t);
            if (Double.isNaN(v)) {
                return name + " must be a number";
            }
            boolean above = minInclusive ? v >= min : v > min;
            boolean below = maxInclusive ? v <= max : v < max;
            if (above && below) {
                return null;
            }
            if (Double.isInfinite(max)) {
                return name + " must be " + (minInclusive ? "at least " : "above ") + NumberFields.format(min);
            }
            return name + " must be " + (minInclusive ? "from " : "above ") + NumberFields.format(min)
                    + (maxInclusive ? " up to " : " and below ") + NumberFields.format(max);
        };
    }

    /** A value within a setting's documented bounds, checked as the study file and the command line check it. */
    public static Function<String, String> within(String name, org.medfed.engine.Limit limit) {
        return t -> {
            double v = NumberFields.parseDouble(t);
            if (Double.isNaN(v)) {
                return name + " must be " + (limit.whole() ? "a whole number" : "a number");
            }
            return limit.allows(v) ? null : name + " must be " + limit.range();
        };
    }

    /** A whole number of at least {@code min}. */
    public static Function<String, String> wholeNumber(String name, long min) {
        return t -> {
            Long v = NumberFields.parseLong(t);
            if (v == null) {
                return name + " must be a whole number";
            }
            return v < min ? name + " must be at least " + min : null;
        };
    }
}
