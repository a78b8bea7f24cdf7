package org.medfed.project;

import java.util.List;

/**
 * What an audit log holds: its entries in the order written, and the lines that were skipped because a crash cut
 * them short (each named by its line number), so that a reader can say the log is not quite whole.
 */
public record AuditLogContents(List<AuditEntry> entries, List<String> skippedLines) {

    public AuditLogContents {
        entries = List.copyOf(entries);
        skippedLines = List.copyOf(skippedLines);
    }
}
