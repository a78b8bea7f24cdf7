package org.medfed.gui.common;

import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * The workbench's tooltip: long text (a check's problems, a path, a reason) wraps at a readable width instead of
 * running off the screen in one line, and stays up long enough to be read.
 */
public class WrappedTooltip extends Tooltip {

    static final double MAX_WIDTH = 480;

    public WrappedTooltip(String text) {
        super(text);
        setWrapText(true);
        setMaxWidth(MAX_WIDTH);
        setShowDuration(Duration.seconds(30));
    }
}
