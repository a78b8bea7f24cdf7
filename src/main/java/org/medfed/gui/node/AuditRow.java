package org.medfed.gui.node;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.medfed.project.AuditEntry;
import org.medfed.project.AuditOutcome;

/** One audit log entry as the hospital reads it: local time, what was asked, how much left, and what was done. */
public record AuditRow(AuditEntry entry) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public String time() {
        return TIME.format(entry.time().atZone(ZoneId.systemDefault()));
    }

    public String study() { return entry.study(); }

    public String dataset() { return entry.dataset() == null ? "" : entry.dataset(); }

    public String round() { return entry.round() == 0 ? "" : String.valueOf(entry.round()); }

    public String procedure() { return entry.procedure(); }

    public String bytesIn() { return bytes(entry.bytesIn()); }

    /** What left this computer with the reply (for a refusal, only its message). */
    public String bytesOut() { return bytes(entry.bytesOut()); }

    public boolean refused() { return entry.outcome() != AuditOutcome.SERVED; }

    /** "served", or "refused: why" / "failed: why". */
    public String outcome() {
        return entry.outcome() == AuditOutcome.SERVED ? "served" : entry.outcome().id() + ": " + entry.reason();
    }

    /** 812 B, 4.1 kB, 2.3 MB: decimal units, as file sizes are shown to people. */
    static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        double v = n;
        String[] units = {"kB", "MB", "GB", "TB"};
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}
