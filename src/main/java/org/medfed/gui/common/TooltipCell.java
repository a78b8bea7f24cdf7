package org.medfed.gui.common;

import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A table cell for long text (a path, a reason): cut where it does not fit, whole in its tooltip. A path keeps
 * its end (the file name) visible with {@link OverrunStyle#LEADING_ELLIPSIS}.
 */
public class TooltipCell<S> extends TableCell<S, String> {

    private final OverrunStyle overrun;

    public TooltipCell(OverrunStyle overrun) {
        this.overrun = overrun;
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        setTextOverrun(overrun);
        setTooltip(empty || item == null ? null : new WrappedTooltip(item));
    }
}
