package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.medfed.model.ModelKind;
import org.medfed.model.ModelSpec;

/** The model family and its hidden layer sizes, as written in the study file. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ModelSection(String type, List<Integer> hidden) {

    public ModelSection {
        type = type == null ? ModelKind.LOGISTIC.id() : type;
        hidden = hidden == null ? List.of() : List.copyOf(hidden);
    }

    public static ModelSection logistic() {
        return new ModelSection("logistic", List.of());
    }

    public ModelSpec toSpec(int inputSize, int classCount) {
        return new ModelSpec(ModelKind.parse(type), inputSize, classCount,
                hidden.stream().mapToInt(Integer::intValue).toArray());
    }
}
