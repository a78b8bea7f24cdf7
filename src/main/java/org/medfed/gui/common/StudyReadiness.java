package org.medfed.gui.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Whether the study can run, and if not, why: the study's own problems ({@link StudyChecks}) plus any form that
 * holds text it could not accept (a learning rate of "abc" never reaches the study, but must still keep Run
 * disabled). Recomputed on every edit.
 */
public final class StudyReadiness {

    private final StudyDocument document;
    private final Map<String, ObservableBooleanValue> forms = new LinkedHashMap<>();
    private final List<ObservableList<String>> lists = new ArrayList<>();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final BooleanBinding ready = Bindings.isEmpty(problems);

    public StudyReadiness(StudyDocument document) {
        this.document = document;
        document.studyProperty().addListener((obs, was, is) -> recompute());
        document.fileProperty().addListener((obs, was, is) -> recompute());
        recompute();
    }

    /** A form whose invalid fields block the run, named by its screen. */
    public void addForm(String screen, ObservableBooleanValue valid) {
        forms.put(screen, valid);
        valid.addListener((obs, was, is) -> recompute());
        recompute();
    }

    /** Problems found elsewhere (such as reading the hospitals' files) that also block the run. */
    public void addProblems(ObservableList<String> more) {
        lists.add(more);
        more.addListener((javafx.collections.ListChangeListener<String>) c -> recompute());
        recompute();
    }

    public void recompute() {
        List<String> next = new ArrayList<>();
        forms.forEach((screen, valid) -> {
            if (!valid.get()) {
                next.add("Fix the fields marked in red on the " + screen + " screen.");
            }
        });
        next.addAll(StudyChecks.problems(document.study(), document));
        lists.forEach(next::addAll);
        if (!next.equals(problems)) {
            problems.setAll(next);
        }
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public BooleanBinding ready() {
        return ready;
    }
}
