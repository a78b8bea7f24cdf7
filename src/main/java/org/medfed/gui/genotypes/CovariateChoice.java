package org.medfed.gui.genotypes;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A column of the phenotype sheet offered as a covariate, and whether the study adjusts for it. */
public final class CovariateChoice {

    private final String column;
    private final BooleanProperty use = new SimpleBooleanProperty();

    public CovariateChoice(String column) {
        this.column = column;
    }

    public String column() { return column; }
    public BooleanProperty useProperty() { return use; }
}
