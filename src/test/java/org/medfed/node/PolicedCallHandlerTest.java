package org.medfed.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.RunCancelledException;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.node.policy.NodePolicy;
import org.medfed.project.AuditEntry;
import org.medfed.project.AuditLogFile;
import org.medfed.project.DataKind;
import org.medfed.project.NodePolicySection;
import org.medfed.project.ProtocolJson;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

/** The node's gatekeeper on what it adds to replies and writes to its audit log. */
class PolicedCallHandlerTest {

    private static final Path SAMPLE = Path.of("sample-projects/heart-4-hospitals/study.json");

    @TempDir
    Path tmp;

    /** A dataset that answers an open with nothing and is withdrawn from every other call. */
    private static final ServedDataset DATASET = new ServedDataset() {
        @Override
        public String id() {
            return "heart";
        }

        @Override
        public String kind() {
            return "table";
        }

        @Override
        public int trainSize() {
            return 100;
        }

        @Override
        public Params handle(SiteRequest request, RunControl control) {
            if (request.procedure() == Procedure.TABLE_OPEN) {
                return Params.EMPTY;
            }
            throw new RunCancelledException();
        }
    };

    private PolicedCallHandler handler(AuditLogFile audit, int maxRounds) {
        NodePolicy policy = new NodePolicy(new NodePolicySection(EnumSet.of(DataKind.TABLE),
                EnumSet.allOf(Procedure.class), 5, false, OptionalDouble.empty(), OptionalInt.of(maxRounds)));
        return new PolicedCallHandler(new DatasetCallHandler(Map.of("heart", DATASET)), policy, audit, "heart",
                "rural-clinic", Clock.fixed(Instant.parse("2026-12-08T00:00:00Z"), ZoneOffset.UTC));
    }

    private static SiteRequest open(int rounds) {
        Study sample = StudyFile.load(SAMPLE);
        Study study = sample.withTraining(sample.training().withRounds(rounds));
        return SiteRequest.of(0, Procedure.TABLE_OPEN, Params.builder().text("study", ProtocolJson.write(study))
                .text("participant", "rural-clinic").text("run", "r").build());
    }

    @Test
    void anOpenOfAStudyPlanningMoreRoundsThanThePolicyCarriesItsNote() {
        try (AuditLogFile audit = AuditLogFile.open(tmp.resolve("audit.jsonl"))) {
            PolicedCallHandler gate = handler(audit, 4);
            assertThat(gate.handle("heart", open(4), RunControl.free()).text(Procedure.POLICY_NOTE, "")).isEmpty();
            assertThat(gate.handle("heart", open(10), RunControl.free()).text(Procedure.POLICY_NOTE, ""))
                    .startsWith("its policy takes part in rounds 1 to 4 only").contains("this study plans 10");
        }
    }

    @Test
    void aWithdrawnCallIsAuditedAsWithdrawnNotAsTheRunStopped() {
        Path file = tmp.resolve("audit.jsonl");
        try (AuditLogFile audit = AuditLogFile.open(file)) {
            SiteRequest evaluate = SiteRequest.of(3, Procedure.EVALUATE, Params.EMPTY);
            assertThatThrownBy(() -> handler(audit, 10).handle("heart", evaluate, RunControl.free()))
                    .isInstanceOf(RunCancelledException.class);
        }
        AuditEntry entry = AuditLogFile.read(file).entries().get(0);
        assertThat(entry.reason()).startsWith("not finished: the call was withdrawn").doesNotContain("run was stopped");
    }
}
