package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunListener;
import org.medfed.engine.RunStatus;
import org.medfed.node.DatasetCallHandler;
import org.medfed.node.PolicedCallHandler;
import org.medfed.node.TableDataset;
import org.medfed.node.policy.NodePolicy;
import org.medfed.project.AuditEntry;
import org.medfed.project.AuditLogFile;
import org.medfed.project.AuditOutcome;
import org.medfed.project.DataKind;
import org.medfed.project.NodePolicySection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.testsupport.LoopbackFederation;
import org.medfed.testsupport.TestWorkers;

/** Hospitals' policies enforced by their nodes during a study, refusals shown in their words and audited. */
class PolicyOverNodesTest {

    private static final Path SAMPLE = Path.of("sample-projects/heart-4-hospitals/study.json").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void aHospitalThatTakesPartInTwoRoundsRefusesTheThirdAndItsAuditLogSaysSo() {
        Study study = StudyFile.load(SAMPLE);
        List<ParticipantEntry> remote = new ArrayList<>();
        for (ParticipantEntry p : study.participants()) {
            remote.add(ParticipantEntry.remote(p.name(), p.name(), "heart"));
        }
        Study multi = study.withParticipants(remote).withTraining(study.training().withRounds(3));
        Path audit = tmp.resolve("rural-clinic-audit.jsonl");
        try (LoopbackFederation net = new LoopbackFederation("policy", MultiSiteStudy.nodes(multi));
             AuditLogFile log = AuditLogFile.open(audit)) {
            for (ParticipantEntry p : study.participants()) {
                DatasetCallHandler data = new DatasetCallHandler(Map.of("heart", new TableDataset("heart",
                        StudyFile.resolve(SAMPLE, p.data().get(0)), null, 5, null)));
                boolean strict = p.name().equals("rural-clinic");
                NodePolicy policy = new NodePolicy(new NodePolicySection(EnumSet.of(DataKind.TABLE),
                        NodePolicySection.allAllowedBy(EnumSet.of(DataKind.TABLE)), 5, false, OptionalDouble.empty(),
                        strict ? OptionalInt.of(2) : OptionalInt.empty()));
                AuditLogFile own = strict ? log : AuditLogFile.open(tmp.resolve(p.name() + ".jsonl"));
                net.startNode(p.name(), new PolicedCallHandler(data, policy, own, "policy", p.name(),
                        Clock.systemUTC()));
            }
            PreparedStudy prepared = MultiSiteStudy.prepare(TestWorkers.shared(), multi, SAMPLE, net.server.nodes(), Duration.ofSeconds(20),
                    "policy-run", m -> { });
            StudyResult result = StudyRunner.run(TestWorkers.shared(), prepared, new RunOptions(null, null, false), RunListener.NONE,
                    RunControl.free(), m -> { });
            assertThat(result.history().status()).isEqualTo(RunStatus.FINISHED);
            assertThat(result.history().rounds().get(2).failures())
                    .anySatisfy(f -> assertThat(f.reason()).isEqualTo("rural-clinic refused: round 3 is past the 2 "
                            + "rounds this hospital's policy takes part in"));
            assertThat(result.history().rounds().get(1).failures()).isEmpty();
        }
        List<AuditEntry> entries = AuditLogFile.read(audit).entries();
        assertThat(entries).filteredOn(e -> e.outcome() == AuditOutcome.REFUSED).isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.round()).isEqualTo(3);
                    assertThat(e.reason()).contains("past the 2 rounds");
                });
        assertThat(entries).filteredOn(e -> e.procedure().equals("train") && e.outcome() == AuditOutcome.SERVED)
                .extracting(AuditEntry::round).containsExactly(1, 2);
    }
}
