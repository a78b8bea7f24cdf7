package org.medfed.gui.participants;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One hospital's line in the Participants table; edits go through the view-model, never straight to the study. */
public final class ParticipantRow {

    private final StringProperty name = new SimpleStringProperty();
    private final StringProperty files = new SimpleStringProperty();
    private final StringProperty samples = new SimpleStringProperty("");
    private final StringProperty balance = new SimpleStringProperty("");
    private final DoubleProperty weight = new SimpleDoubleProperty(1);
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty error = new SimpleBooleanProperty();
    private final StringProperty check = new SimpleStringProperty("");
    private final StringProperty attack = new SimpleStringProperty("none");

    public StringProperty nameProperty() { return name; }
    public StringProperty filesProperty() { return files; }
    public StringProperty samplesProperty() { return samples; }
    public StringProperty balanceProperty() { return balance; }
    public DoubleProperty weightProperty() { return weight; }
    public BooleanProperty enabledProperty() { return enabled; }
    /** The hospital's problems (file unreadable, schema check), in plain words, or empty. */
    public StringProperty problemProperty() { return problem; }
    /** True when the problem stops a run, false for a warning. */
    public BooleanProperty errorProperty() { return error; }
    /** What the Check column shows: "✔ ok", "✖ ..." for problems that stop a run, "⚠ ..." for warnings, "" while reading. */
    public StringProperty checkProperty() { return check; }
    /** The simulated attack this hospital plays, as the study writes it ("none", "sign-flip", "scale:10"). */
    public StringProperty attackProperty() { return attack; }

    public String name() {
        return name.get();
    }
}
