package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * An {@link AuditEntry} as one line of the audit log. The time travels as ISO-8601 text ({@link Instant#toString()},
 * always UTC with a trailing Z), which a person reads as it is and which needs no extra Jackson module.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"time", "study", "node", "dataset", "round", "procedure", "bytesIn", "bytesOut", "outcome",
        "reason"})
record AuditLine(String time, String study, String node, String dataset, Integer round, String procedure,
                 Long bytesIn, Long bytesOut, AuditOutcome outcome, String reason) {

    static AuditLine of(AuditEntry e) {
        return new AuditLine(e.time().toString(), e.study(), e.node(), e.dataset(), e.round(), e.procedure(),
                e.bytesIn(), e.bytesOut(), e.outcome(), e.reason());
    }

    /** The entry; a missing field or a malformed time throws, naming what is wrong. */
    AuditEntry entry() {
        return new AuditEntry(Instant.parse(required(time, "time")), required(study, "study"), required(node, "node"),
                dataset, required(round, "round"), required(procedure, "procedure"), required(bytesIn, "bytesIn"),
                required(bytesOut, "bytesOut"), required(outcome, "outcome"), reason);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }
}
