package org.medfed.project;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a hospital node's audit log: one request from the coordinator and what the hospital did with it.
 *
 * @param time      when the request was handled (UTC; written ISO-8601)
 * @param dataset   the dataset the request was for, or null for one that names none (key exchange)
 * @param round     the 1-based round, 0 outside the rounds
 * @param procedure the procedure id as requested; text rather than a {@code Procedure}, so that a request for an
 *                  id unknown to this version is still logged as it came
 * @param bytesIn   bytes received with the request
 * @param bytesOut  bytes that left the hospital in the reply; for a refusal or failure only its message leaves
 * @param reason    why it was refused or failed, in plain words; null when served
 */
public record AuditEntry(Instant time, String study, String node, String dataset, int round, String procedure,
                         long bytesIn, long bytesOut, AuditOutcome outcome, String reason) {

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(outcome, "outcome");
        if (round < 0 || bytesIn < 0 || bytesOut < 0) {
            throw new IllegalArgumentException("round and byte counts cannot be negative");
        }
        // a refusal or failure without its reason would leave the hospital unable to explain its own log
        if (outcome != AuditOutcome.SERVED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a " + outcome.id() + " request needs its reason");
        }
        if (outcome == AuditOutcome.SERVED && reason != null) {
            throw new IllegalArgumentException("a served request has no reason");
        }
    }

    public static AuditEntry served(Instant time, String study, String node, String dataset, int round,
                                    String procedure, long bytesIn, long bytesOut) {
        return new AuditEntry(time, study, node, dataset, round, procedure, bytesIn, bytesOut, AuditOutcome.SERVED,
                null);
    }

    public static AuditEntry refused(Instant time, String study, String node, String dataset, int round,
                                     String procedure, long bytesIn, long bytesOut, String reason) {
        return new AuditEntry(time, study, node, dataset, round, procedure, bytesIn, bytesOut, AuditOutcome.REFUSED,
                reason);
    }

    public static AuditEntry failed(Instant time, String study, String node, String dataset, int round,
                                    String procedure, long bytesIn, long bytesOut, String reason) {
        return new AuditEntry(time, study, node, dataset, round, procedure, bytesIn, bytesOut, AuditOutcome.FAILED,
                reason);
    }
}
