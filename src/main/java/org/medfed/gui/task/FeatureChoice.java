package org.medfed.gui.task;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A column offered as a feature: whether the model uses it, and its type (as read, or set by hand). */
public final class FeatureChoice {

    public static final String AS_READ = "as read";

    private final String column;
    private final BooleanProperty use = new SimpleBooleanProperty(true);
    private final ObjectProperty<String> type = new SimpleObjectProperty<>(AS_READ);
    private final StringProperty note = new SimpleStringProperty("");

    public FeatureChoice(String column) {
        this.column = column;
    }

    public String column() { return column; }
    public BooleanProperty useProperty() { return use; }
    public ObjectProperty<String> typeProperty() { return type; }
    /** Why the column is offered as it is (left out as an identifier), or empty. */
    public StringProperty noteProperty() { return note; }
}
