package org.medfed.gui.shell;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.medfed.gui.common.StudyReadiness;
import org.medfed.gui.run.RunViewModel;

/** The window's frame: menus with shortcuts, a tab per screen, and a status line saying whether the study can run. */
public final class MainWindow {

    private final ShellViewModel shell;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Map<Screen, Tab> tabByScreen = new EnumMap<>(Screen.class);
    private final Menu recentMenu = new Menu("Open recent");
    private final MenuBar bar = new MenuBar();
    private final javafx.scene.layout.VBox top = new javafx.scene.layout.VBox();

    public MainWindow(ShellViewModel shell, RunViewModel run, StudyReadiness readiness, Map<Screen, Parent> screens,
                      Runnable quit, StudyRunCommands commands) {
        this.shell = shell;
        root.getStyleClass().add("workbench");
        root.getStylesheets().add(MainWindow.class.getResource("/org/medfed/gui/workbench.css").toExternalForm());
        menus(run, quit, commands);
        top.getChildren().add(bar);
        root.setTop(top);
        for (Screen s : Screen.values()) {
            Tab tab = org.medfed.gui.common.SelectedTabContent.tab(s.title(), screens.get(s));
            tab.setClosable(false);
            tab.setId("tab-" + s.name().toLowerCase(java.util.Locale.ROOT));
            tabs.getTabs().add(tab);
            tabByScreen.put(s, tab);
        }
        tabs.setId("screens");
        tabs.getSelectionModel().select(tabByScreen.get(shell.screenProperty().get()));
        shell.screenProperty().addListener((obs, was, is) -> tabs.getSelectionModel().select(tabByScreen.get(is)));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> tabByScreen.forEach((s, t) -> {
            if (t == is) {
                shell.screenProperty().set(s);
            }
        }));
        root.setCenter(tabs);
        root.setBottom(statusLine(readiness, commands, shell.noticeProperty()));
    }

    /** Adds a menu at the end of the menu bar (Help). */
    public void addMenu(Menu menu) {
        bar.getMenus().add(menu);
    }

    /** Adds a band under the menu bar, across every screen (the guided tour's steps). */
    public void addBand(javafx.scene.Node band) {
        top.getChildren().add(band);
    }

    public Parent root() {
        return root;
    }

    private void menus(RunViewModel run, Runnable quit, StudyRunCommands commands) {
        MenuItem newStudy = item("menu-new", "New study", new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        newStudy.setOnAction(e -> shell.newStudy());
        MenuItem open = item("menu-open", "Open…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> shell.open());
        MenuItem save = item("menu-save", "Save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        save.setOnAction(e -> shell.save());
        MenuItem saveAs = item("menu-save-as", "Save as…",
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        saveAs.setOnAction(e -> shell.saveAs());
        MenuItem exit = item("menu-quit", "Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        exit.setOnAction(e -> quit.run());
        fillRecent();
        shell.recent().addListener((ListChangeListener<Path>) c -> fillRecent());
        Menu file = new Menu("File", null, newStudy, open, recentMenu, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), exit);

        MenuItem start = item("menu-run", "Run", new KeyCodeCombination(KeyCode.F5));
        start.textProperty().bind(Bindings.when(run.phaseProperty().isEqualTo(RunViewModel.Phase.PAUSED))
                .then("Resume").otherwise("Run"));
        start.disableProperty().bind(Bindings.not(commands.canStart()));
        start.setOnAction(e -> {
            shell.screenProperty().set(Screen.RUN);
            commands.start().run();
        });
        MenuItem pause = item("menu-pause", "Pause", new KeyCodeCombination(KeyCode.F6));
        pause.disableProperty().bind(run.canPauseProperty().not());
        pause.setOnAction(e -> run.pause());
        MenuItem step = item("menu-step", "Step one round", new KeyCodeCombination(KeyCode.F10));
        step.disableProperty().bind(run.canStepProperty().not());
        step.setOnAction(e -> {
            shell.screenProperty().set(Screen.RUN);
            run.step();
        });
        MenuItem stop = item("menu-stop", "Stop", new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN));
        stop.disableProperty().bind(Bindings.not(commands.canStop()));
        stop.setOnAction(e -> commands.stop().run());
        Menu runMenu = new Menu("Run", null, start, pause, step, stop);

        // every edit of the study is one step of the document's history, whatever screen made it
        MenuItem undo = item("menu-undo", "Undo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        undo.disableProperty().bind(shell.document().canUndoProperty().not());
        undo.setOnAction(e -> shell.document().undo());
        MenuItem redo = item("menu-redo", "Redo", new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN));
        redo.disableProperty().bind(shell.document().canRedoProperty().not());
        redo.setOnAction(e -> shell.document().redo());
        Menu edit = new Menu("Edit", null, undo, redo);

        Menu view = new Menu("Go to");
        int n = 1;
        for (Screen s : Screen.values()) {
            MenuItem go = new MenuItem(s.title());
            go.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(n++)), KeyCombination.SHORTCUT_DOWN));
            go.setOnAction(e -> shell.screenProperty().set(s));
            view.getItems().add(go);
        }
        bar.getMenus().setAll(file, edit, view, runMenu);
        bar.setId("menu-bar");
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : shell.recent()) {
            MenuItem item = new MenuItem(p.getFileName() + "  (" + p.getParent() + ")");
            item.setMnemonicParsing(false);
            item.setOnAction(e -> shell.open(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(shell.recent().isEmpty());
    }

    private static MenuItem item(String id, String text, KeyCombination key) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(key);
        return item;
    }

    private static HBox statusLine(StudyReadiness readiness, StudyRunCommands commands,
                                   javafx.beans.value.ObservableStringValue notice) {
        Label ready = new Label();
        ready.setId("status-ready");
        // while a run goes on, "ready to run" would read as if nothing were running
        ready.textProperty().bind(Bindings.createStringBinding(() -> commands.canStop().get()
                ? (commands.paused().get() ? "Paused (F5 goes on, Shift+F5 stops it)" : "Running (Shift+F5 stops it)")
                : readiness.problems().isEmpty()
                ? "✔ Ready to run (F5)"
                : "To do before running: " + readiness.problems().get(0)
                        + (readiness.problems().size() > 1 ? "  (+" + (readiness.problems().size() - 1) + " more)" : ""),
                readiness.problems(), commands.canStop(), commands.paused()));
        Label progress = new Label();
        // while the window waits for a run to stop, that is what the status line says
        progress.textProperty().bind(Bindings.when(Bindings.createBooleanBinding(() -> notice.get().isEmpty(), notice))
                .then(commands.progress()).otherwise(notice));
        progress.setId("status-progress");
        progress.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(10, ready, spacer, progress);
        box.getStyleClass().add("status-line");
        return box;
    }
}
