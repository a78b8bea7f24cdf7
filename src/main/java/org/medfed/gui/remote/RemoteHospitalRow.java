package org.medfed.gui.remote;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One hospital behind a node as the Participants and Run screens list it. */
public final class RemoteHospitalRow {

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty node = new SimpleStringProperty("");
    private final StringProperty dataset = new SimpleStringProperty("");
    private final ObjectProperty<NodeState> state = new SimpleObjectProperty<>(NodeState.NOT_LISTENING);
    private final StringProperty stateText = new SimpleStringProperty("");
    private final StringProperty heartbeat = new SimpleStringProperty("");
    private final StringProperty version = new SimpleStringProperty("");
    private final StringProperty rows = new SimpleStringProperty("");
    private final StringProperty columns = new SimpleStringProperty("");
    private final StringProperty balance = new SimpleStringProperty("");
    private final StringProperty traffic = new SimpleStringProperty("");
    private final StringProperty roundTrip = new SimpleStringProperty("");

    public StringProperty nameProperty() { return name; }
    public StringProperty nodeProperty() { return node; }
    public StringProperty datasetProperty() { return dataset; }
    public ObjectProperty<NodeState> stateProperty() { return state; }
    /** The state in words, with the reason when it was lost or refused. */
    public StringProperty stateTextProperty() { return stateText; }
    /** How long ago the node was last heard from. */
    public StringProperty heartbeatProperty() { return heartbeat; }
    public StringProperty versionProperty() { return version; }
    public StringProperty rowsProperty() { return rows; }
    /** The columns the node's summary names, with their inferred types. */
    public StringProperty columnsProperty() { return columns; }
    public StringProperty balanceProperty() { return balance; }
    /** Bytes sent to the node and received from it since it connected. */
    public StringProperty trafficProperty() { return traffic; }
    public StringProperty roundTripProperty() { return roundTrip; }

    static void set(StringProperty p, String v) {
        if (!v.equals(p.get())) {
            p.set(v);
        }
    }
}
