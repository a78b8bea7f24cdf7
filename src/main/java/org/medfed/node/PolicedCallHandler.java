package org.medfed.node;

import java.time.Clock;
import org.medfed.engine.RunCancelledException;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.network.node.CallHandler;
import org.medfed.network.node.PolicyRefusal;
import org.medfed.node.policy.NodePolicy;
import org.medfed.project.AuditEntry;
import org.medfed.project.AuditLogFile;
import org.medfed.project.ProtocolJson;
import org.medfed.project.Study;

/**
 * The node's gatekeeper: every call is checked against the hospital's policy before it runs and its reply before
 * it leaves, and every call, served, refused or failed, is appended to the audit log with the bytes that came in
 * and went out.
 */
public final class PolicedCallHandler implements CallHandler {

    private final DatasetCallHandler datasets;
    private final NodePolicy policy;
    private final AuditLogFile audit;
    private final String study;
    private final String node;
    private final Clock clock;

    public PolicedCallHandler(DatasetCallHandler datasets, NodePolicy policy, AuditLogFile audit, String study,
                              String node, Clock clock) {
        this.datasets = datasets;
        this.policy = policy;
        this.audit = audit;
        this.study = study;
        this.node = node;
        this.clock = clock;
    }

    /** An opened study that plans more rounds than the policy takes part in is told so now, not at round N + 1. */
    private Params withPolicyNote(SiteRequest request, Params reply) {
        Procedure p = request.procedure();
        if (p != Procedure.TABLE_OPEN && p != Procedure.IMAGES_OPEN) {
            return reply;
        }
        Study opened = ProtocolJson.read(request.params().text(TableDataset.STUDY), Study.class);
        int planned = opened.training().runConfig(opened.seed()).rounds();
        return policy.noteOnStudy(planned).map(note -> Params.builder().all(reply).text(Procedure.POLICY_NOTE, note)
                .build()).orElse(reply);
    }

    @Override
    public Params handle(String dataset, SiteRequest request, RunControl control) {
        long in = request.params().payloadBytes()
                + request.filters().stream().mapToLong(f -> f.params().payloadBytes()).sum();
        String procedure = request.procedure().id();
        try {
            ServedDataset served = datasets.dataset(dataset);
            String refused = policy.refusal(request, served.kind(), served.trainSize()).orElse(null);
            if (refused != null) {
                throw new PolicyRefusal(refused);
            }
            Params reply = served.handle(request, control);
            String withheld = policy.refusalOfReply(request.procedure(), reply).orElse(null);
            if (withheld != null) {
                throw new PolicyRefusal(withheld);
            }
            audit.append(AuditEntry.served(clock.instant(), study, node, dataset, request.round(), procedure, in,
                    reply.payloadBytes()));
            return withPolicyNote(request, reply);
        } catch (PolicyRefusal r) {
            audit.append(AuditEntry.refused(clock.instant(), study, node, dataset, request.round(), procedure, in,
                    r.getMessage().length(), r.getMessage()));
            throw r;
        } catch (RuntimeException e) {
            // "the run was stopped" is the coordinator's view; here the call was withdrawn before it ended
            String why = e instanceof RunCancelledException ? "not finished: the call was withdrawn (the coordinator "
                    + "gave up on it or stopped, or this node was stopping)"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            audit.append(AuditEntry.failed(clock.instant(), study, node, dataset, request.round(), procedure, in,
                    why.length(), why));
            throw e;
        }
    }
}
