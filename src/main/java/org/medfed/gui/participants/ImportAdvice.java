package org.medfed.gui.participants;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points a message about reading a file at the controls that change it: the reader's messages name a setting
 * ("set the separator to ';'"); on this screen that setting is a control on the 'Import options' tab.
 */
final class ImportAdvice {

    /** Words of a reader's message, and the control of the 'Import options' tab that answers them. */
    private static final Map<String, String> CONTROLS = new LinkedHashMap<>();

    static {
        CONTROLS.put("separator", "Separator");
        CONTROLS.put("quote", "Quote character");
        CONTROLS.put("encoding", "Encoding");
        CONTROLS.put("column names were given", "Column names");
        CONTROLS.put("in the header", "Header row");
    }

    private ImportAdvice() {
    }

    /** The message, and which control of the 'Import options' tab to use, when it is about how the file is read. */
    static String withControl(String message) {
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        StringBuilder controls = new StringBuilder();
        CONTROLS.forEach((words, control) -> {
            if (lower.contains(words)) {
                controls.append(controls.length() == 0 ? "" : ", ").append("'").append(control).append("'");
            }
        });
        return controls.length() == 0 ? message
                : message + " → Set it on the 'Import options' tab below this table (" + controls + ").";
    }
}
