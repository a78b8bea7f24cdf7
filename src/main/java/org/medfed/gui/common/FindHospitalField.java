package org.medfed.gui.common;

import java.util.function.BiConsumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/**
 * "Find a hospital": a field whose text finds a hospital by part of its name as it is typed (Enter: the next one),
 * with what was found beside it; shown only while {@code shown} holds (a study past a dozen hospitals).
 */
public final class FindHospitalField {

    private FindHospitalField() {
    }

    /**
     * @param id the field's id; its status line's is {@code id + "-status"}
     * @param find told the text and whether Enter asked for the next match
     */
    public static HBox of(String id, BiConsumer<String, Boolean> find, ObservableStringValue status,
            ObservableBooleanValue shown) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText("Find a hospital");
        field.setPrefColumnCount(14);
        field.setTooltip(new WrappedTooltip("Type part of a hospital's name to select it; Enter selects the next one"));
        field.textProperty().addListener((obs, was, is) -> find.accept(is, false));
        field.setOnAction(e -> find.accept(field.getText(), true));
        Label found = new Label();
        found.setId(id + "-status");
        found.getStyleClass().add("muted");
        found.textProperty().bind(status);
        found.setMinWidth(0); // its words give way first, the buttons beside it keep theirs
        HBox box = new HBox(6, field, found);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(shown);
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
