package org.medfed.gui.help;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.medfed.gui.common.UserDialogs;
import org.medfed.gui.shell.Screen;
import org.medfed.gui.shell.ShellViewModel;
import org.medfed.study.Version;

/**
 * The Help menu: a short help text for the screen showing (F1), the guided tour for teachers over the sample
 * study, and About with the versions of what runs. The texts are resources beside this class
 * ({@code <screen>.txt}, {@code tour.txt}), written from docs/workbench.md and the README.
 */
public final class HelpViewModel {

    private final ShellViewModel shell;
    private final UserDialogs dialogs;
    private final Supplier<Optional<Path>> sample;
    private final List<TourStep> steps = readTour();
    private final ObjectProperty<TourStep> step = new SimpleObjectProperty<>();
    private final IntegerProperty index = new SimpleIntegerProperty(-1);

    /** @param sample the sample study the tour walks through (absent when the samples were not installed) */
    public HelpViewModel(ShellViewModel shell, UserDialogs dialogs, Supplier<Optional<Path>> sample) {
        this.shell = shell;
        this.dialogs = dialogs;
        this.sample = sample;
    }

    /** F1: the help of the screen showing. */
    public void helpForScreen() {
        Screen s = shell.screenProperty().get();
        dialogs.showHelp("Help: " + s.title(), text(s));
    }

    /** A screen's help text, its paragraphs each on one line (the window wraps them). */
    public static String text(Screen screen) {
        return paragraphs(resource(screen.name().toLowerCase(Locale.ROOT) + ".txt"));
    }

    /** Opens the sample study (after the usual questions) and shows the tour's first step. */
    public void startTour() {
        Optional<Path> file = sample.get();
        if (file.isEmpty()) {
            dialogs.showInfo("Guided tour", "The tour walks through the sample study \"Heart disease, 4 hospitals\", "
                    + "but the sample studies were not found: they are in the sample-projects folder of the "
                    + "installation (or set -Dmedfed.samples=FOLDER).");
            return;
        }
        Path wanted = file.get().toAbsolutePath().normalize();
        if (!wanted.equals(shell.document().file())) {
            shell.open(wanted);
        }
        if (wanted.equals(shell.document().file())) {
            show(0);
        }
    }

    public void next() {
        if (index.get() >= 0 && index.get() < steps.size() - 1) {
            show(index.get() + 1);
        }
    }

    public void back() {
        if (index.get() > 0) {
            show(index.get() - 1);
        }
    }

    public void endTour() {
        index.set(-1);
        step.set(null);
    }

    private void show(int i) {
        step.set(steps.get(i));
        index.set(i);
        shell.screenProperty().set(steps.get(i).screen());
    }

    /** Help > About: the version of MedFed and of what it runs on, read at run time. */
    public void about() {
        dialogs.showInfo("About MedFed Workbench", aboutText());
    }

    static String aboutText() {
        StringBuilder out = new StringBuilder("MedFed Workbench " + Version.current()
                + "\nFederated learning across hospitals without moving patient data.\n");
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("Java", Version.components().get("Java"));
        parts.put("JavaFX", Version.fromProperties("/javafx.properties", "javafx.runtime.version"));
        Version.components().forEach(parts::putIfAbsent);
        parts.forEach((name, version) -> out.append('\n').append(name).append(": ").append(version));
        return out.toString();
    }

    public List<TourStep> steps() {
        return steps;
    }

    /** The tour's step showing, or null when no tour runs. */
    public ObjectProperty<TourStep> stepProperty() {
        return step;
    }

    /** The step's place in the tour, from 0; -1 when no tour runs. */
    public IntegerProperty indexProperty() {
        return index;
    }

    /** The tour: blocks separated by blank lines, "SCREEN | title" then the text; lines starting with # are notes. */
    static List<TourStep> readTour() {
        List<TourStep> out = new ArrayList<>();
        for (String block : resource("tour.txt").split("\\n\\s*\\n")) {
            List<String> lines = block.lines().filter(l -> !l.startsWith("#")).toList();
            if (lines.isEmpty()) {
                continue;
            }
            String[] head = lines.get(0).split("\\|", 2);
            if (head.length != 2) {
                throw new IllegalStateException("tour.txt: expected 'SCREEN | title', found '" + lines.get(0) + "'");
            }
            out.add(new TourStep(Screen.valueOf(head[0].strip()), head[1].strip(),
                    String.join(" ", lines.subList(1, lines.size())).strip()));
        }
        return List.copyOf(out);
    }

    private static String paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.strip().split("\\n\\s*\\n")) {
            out.add(String.join(" ", p.lines().map(String::strip).toList()));
        }
        return String.join("\n\n", out);
    }

    private static String resource(String name) {
        try (InputStream in = HelpViewModel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("help text missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("help text unreadable: " + name, e);
        }
    }
}
