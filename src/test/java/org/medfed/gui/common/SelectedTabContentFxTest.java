package org.medfed.gui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SelectedTabContentFxTest {

    private Label first;
    private Label second;

    @Start
    void start(Stage stage) {
        first = new Label("first screen");
        second = new Label("second screen");
        TabPane pane = new TabPane(SelectedTabContent.tab("First", first), SelectedTabContent.tab("Second", second));
        stage.setScene(new Scene(pane, 400, 250));
        stage.show();
    }

    @Test
    void onlyTheSelectedTabsContentIsInTheScene(FxRobot robot) {
        assertThat(first.getScene()).isNotNull();
        assertThat(second.getScene()).as("a hidden tab costs no CSS or layout").isNull();
        robot.clickOn("Second");
        assertThat(second.getScene()).isNotNull();
        assertThat(second.isVisible()).isTrue();
        assertThat(first.getScene()).isNull();
        robot.clickOn("First");
        assertThat(first.getScene()).isNotNull();
        assertThat(robot.lookup("first screen").tryQuery()).isPresent();
    }
}
