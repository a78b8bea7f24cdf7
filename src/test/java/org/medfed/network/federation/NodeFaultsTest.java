package org.medfed.network.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.Participant;
import org.medfed.engine.ParticipantFailure;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunEvent;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunStatus;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProtocolRevision;
import org.medfed.engine.strategy.FedAvg;
import org.medfed.network.node.CallHandler;
import org.medfed.network.node.NodeClient;
import org.medfed.network.node.PolicyRefusal;
import org.medfed.node.SiteCallHandler;
import org.medfed.site.InProcessParticipant;
import org.medfed.testsupport.Federations;
import org.medfed.testsupport.LoopbackFederation;
import org.medfed.testsupport.TestWorkers;
import org.medfed.transport.InProcessTransport;

/** Nodes that are lost mid-round, come back, refuse, or belong elsewhere. */
class NodeFaultsTest {

    private static final LocalTraining PLAN = new LocalTraining(2, 0, 4, LocalOptimizer.SGD, 0.1, 0);

    private static List<InProcessParticipant> hospitals() {
        return List.of(Federations.quadratic("hospital-a", 10, 0f, 1f),
                Federations.quadratic("hospital-b", 20, 3f, -1f),
                Federations.quadratic("hospital-c", 30, -2f, 2f),
                Federations.quadratic("hospital-d", 40, 1f, 1f));
    }

    private static RunHistory run(List<Participant> participants, int rounds, int minimum,
                                  org.medfed.engine.RunListener listener) {
        RunConfig config = new RunConfig(rounds, 1.0, minimum, PLAN, 7, Duration.ofSeconds(30));
        try (InProcessTransport transport = new InProcessTransport(TestWorkers.shared(), 4)) {
            return new FederatedRun(config, FedAvg.bySamples(), participants, transport, listener)
                    .execute(ModelVector.zeros(2), RunControl.free());
        }
    }

    @Test
    void aNodeLostMidRoundFailsThatRoundOnlyAndRejoinsAfterItRestarts() throws Exception {
        List<InProcessParticipant> hs = hospitals();
        List<String> names = hs.stream().map(InProcessParticipant::name).toList();
        try (LoopbackFederation net = new LoopbackFederation("faults", names)) {
            List<Participant> remote = new ArrayList<>();
            for (InProcessParticipant p : hs.subList(0, 3)) {
                net.startNode(p.name(), new SiteCallHandler(Map.of("data", p.site())));
                remote.add(net.remote(p));
            }
            InProcessParticipant d = hs.get(3);
            SiteCallHandler honest = new SiteCallHandler(Map.of("data", d.site()));
            // in round 2 hospital-d's node dies while training: its connection drops with the call unanswered
            CallHandler dying = (dataset, request, control) -> {
                if (request.round() == 2 && request.procedure() == Procedure.TRAIN) {
                    net.nodes.get("hospital-d").close();
                    Thread.sleep(60_000);
                }
                return honest.handle(dataset, request, control);
            };
            net.startNode("hospital-d", dying);
            remote.add(net.remote(d));
            net.awaitConnected(names);

            CountDownLatch restarted = new CountDownLatch(1);
            RunHistory h = run(remote, 4, 3, event -> {
                if (event instanceof RunEvent.RoundAggregated a && a.record().round() == 2) {
                    // the hospital restarts its node before round 3
                    net.startNode("hospital-d", honest);
                    net.awaitConnected(List.of("hospital-d"));
                    restarted.countDown();
                }
            });
            assertThat(restarted.await(1, TimeUnit.SECONDS)).isTrue();
            assertThat(h.status()).as(h.message()).isEqualTo(RunStatus.FINISHED);
            // its training call fails when the connection drops; its evaluation, asked while it is away, too
            List<ParticipantFailure> lost = h.rounds().get(1).failures();
            assertThat(lost).allSatisfy(f -> assertThat(f.participant()).isEqualTo("hospital-d"));
            assertThat(lost).filteredOn(f -> f.phase() == ParticipantFailure.Phase.FIT).singleElement()
                    // closing the node half-closes its stream; on a loaded machine the channel's shutdown can
                    // reach the coordinator first, as a lost connection: either way the call fails in these words
                    .satisfies(f -> assertThat(f.reason()).matches(
                            "hospital-d: (its node was stopped \\(it closed its connection\\)|the connection to its node was lost \\(.+\\))"));
            assertThat(h.rounds().get(1).trainLoss()).doesNotContainKey("hospital-d");
            assertThat(h.rounds().get(2).trainLoss()).containsKey("hospital-d");
            assertThat(h.rounds().get(3).failures()).isEmpty();
        }
    }

    @Test
    void aPolicyRefusalReachesTheResearcherInTheHospitalsWords() {
        List<InProcessParticipant> hs = hospitals();
        List<String> names = hs.stream().map(InProcessParticipant::name).toList();
        try (LoopbackFederation net = new LoopbackFederation("policy", names)) {
            List<Participant> remote = new ArrayList<>();
            for (InProcessParticipant p : hs) {
                SiteCallHandler site = new SiteCallHandler(Map.of("data", p.site()));
                CallHandler h = !p.name().equals("hospital-b") && !p.name().equals("hospital-c") ? site
                        : (dataset, request, control) -> {
                    if (request.round() > 1 && request.procedure() == Procedure.TRAIN) {
                        throw new PolicyRefusal("this hospital allows at most 1 round");
                    }
                    if (p.name().equals("hospital-c") && request.procedure() == Procedure.TRAIN) {
                        throw new PolicyRefusal("this hospital requires differential privacy");
                    }
                    return site.handle(dataset, request, control);
                };
                net.startNode(p.name(), h);
                remote.add(net.remote(p));
            }
            net.awaitConnected(names);
            RunHistory h = run(remote, 2, 1, null);
            assertThat(h.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(h.rounds().get(1).failures()).filteredOn(f -> f.participant().equals("hospital-b"))
                    .singleElement().satisfies(f -> assertThat(f.reason())
                    .isEqualTo("hospital-b refused: this hospital allows at most 1 round"));
            // hospital-b trained in round 1; hospital-c refused every round: the run says its data trained nothing
            assertThat(h.neverMerged()).containsExactly(java.util.Map.entry("hospital-c",
                    "round 1: hospital-c refused: this hospital requires differential privacy"));
            assertThat(org.medfed.study.ResultStatistics.untrainedBy(h)).containsExactly("hospital-c's data did not "
                    + "train this model: none of its updates reached it in 2 rounds (round 1: hospital-c refused: this "
                    + "hospital requires differential privacy); its figures are those of a model trained on the other "
                    + "hospitals' data alone");
        }
    }

    @Test
    void aHospitalsBadFileIsToldAtBothEndsInWordsWithoutAStackTrace() {
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> nodeLog =
                new ch.qos.logback.core.read.ListAppender<>();
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(NodeClient.class);
        nodeLog.start();
        logger.addAppender(nodeLog);
        List<InProcessParticipant> hs = hospitals();
        List<String> names = hs.stream().map(InProcessParticipant::name).toList();
        try (LoopbackFederation net = new LoopbackFederation("bad-file", names)) {
            List<Participant> remote = new ArrayList<>();
            for (InProcessParticipant p : hs) {
                SiteCallHandler site = new SiteCallHandler(Map.of("data", p.site()));
                CallHandler h = !p.name().equals("hospital-b") ? site : (dataset, request, control) -> {
                    if (request.procedure() == Procedure.TRAIN) {
                        throw new org.medfed.engine.BadInputException(java.nio.file.Path.of("table.csv"), "line 88",
                                "8 fields where 9 were expected");
                    }
                    return site.handle(dataset, request, control);
                };
                net.startNode(p.name(), h);
                remote.add(net.remote(p));
            }
            net.awaitConnected(names);
            RunHistory h = run(remote, 1, 1, null);
            assertThat(h.rounds().get(0).failures()).singleElement().satisfies(f -> assertThat(f.reason())
                    .isEqualTo("hospital-b: table.csv line 88: 8 fields where 9 were expected"));
        } finally {
            logger.detachAppender(nodeLog);
        }
        assertThat(nodeLog.list).filteredOn(e -> e.getFormattedMessage().contains("failed"))
                .singleElement().satisfies(e -> {
                    assertThat(e.getFormattedMessage()).endsWith("failed: table.csv line 88: 8 fields where 9 were expected");
                    assertThat(e.getThrowableProxy()).isNull();
                });
    }

    @Test
    void aPortInUseIsToldAsSuchWithWhatToDo() {
        try (LoopbackFederation net = new LoopbackFederation("heart-study", List.of("hospital-a"))) {
            int taken = net.server.port();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.medfed.network.coordinator.CoordinatorServer
                    .start(new java.net.InetSocketAddress("127.0.0.1", taken), net.hospital("hospital-a"),
                            "heart-study", List.of("hospital-a"), "test", Runnable::run))
                    .isInstanceOf(org.medfed.engine.BadInputException.class)
                    .hasMessage("cannot listen on port " + taken + ": another program is using it (a coordinator "
                            + "still running?); stop it, or choose another port (--listen, and the nodes' "
                            + "\"coordinator\" in node.json)");
        }
    }

    @Test
    void aNodeOfAnotherStudyOrNotInTheStudyIsRefusedWithTheReason() throws Exception {
        try (LoopbackFederation net = new LoopbackFederation("heart-study", List.of("hospital-a"))) {
            CallHandler nothing = (dataset, request, control) -> {
                throw new AssertionError("no call expected");
            };
            NodeClient other = net.startNode("hospital-a", "lung-study", net.hospital("hospital-a"), nothing);
            NodeClient stranger = net.startNode("hospital-z", nothing);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while ((other.state() != NodeClient.State.REFUSED || stranger.state() != NodeClient.State.REFUSED)
                    && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(other.state()).isEqualTo(NodeClient.State.REFUSED);
            assertThat(other.refusal()).isEqualTo("this coordinator runs the study 'heart-study', but node "
                    + "'hospital-a' is set up for the study 'lung-study'");
            assertThat(stranger.state()).isEqualTo(NodeClient.State.REFUSED);
            assertThat(stranger.refusal()).isEqualTo("no hospital of this study runs on node 'hospital-z'; the "
                    + "study expects hospital-a");
            assertThat(net.server.nodes().links()).isEmpty();
        }
    }

    @Test
    void aNodeOfAnotherProtocolRevisionIsRefusedWithBothVersions() throws Exception {
        try (LoopbackFederation net = new LoopbackFederation("heart-study", List.of("hospital-a", "hospital-b"))) {
            CallHandler nothing = (dataset, request, control) -> {
                throw new AssertionError("no call expected");
            };
            NodeClient older = net.startNode("hospital-a", ProtocolRevision.CURRENT - 1, nothing);
            NodeClient unaware = net.startNode("hospital-b", 0, nothing);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while ((older.state() != NodeClient.State.REFUSED || unaware.state() != NodeClient.State.REFUSED)
                    && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(older.state()).isEqualTo(NodeClient.State.REFUSED);
            assertThat(older.refusal()).startsWith("node 'hospital-a' runs MedFed 0.9-old with participant protocol "
                    + "revision " + (ProtocolRevision.CURRENT - 1) + ", but this coordinator runs MedFed ")
                    .endsWith("with revision " + ProtocolRevision.CURRENT + ": install the same MedFed version at the "
                            + "hospitals' nodes and at the coordinator");
            assertThat(unaware.refusal()).startsWith("node 'hospital-b' runs MedFed 0.9-old with no participant "
                    + "protocol revision (a version from before revisions were exchanged)");
            assertThat(net.server.nodes().links()).isEmpty();
        }
    }

    @Test
    void secureAggregationRecoversHospitalsLostAfterSharingKeysAndAfterMasking() {
        List<InProcessParticipant> hs = new ArrayList<>();
        for (int h = 0; h < 6; h++) {
            float[] d = new float[8];
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) (0.01 * ((h * 5 + i * 3) % 17 - 8));
            }
            hs.add(org.medfed.privacy.PrivacyFixtures.participant("hospital-" + h, d));
        }
        List<String> names = hs.stream().map(InProcessParticipant::name).toList();
        try (LoopbackFederation net = new LoopbackFederation("secagg-faults", names)) {
            List<Participant> remote = new ArrayList<>();
            for (InProcessParticipant p : hs) {
                SiteCallHandler site = new SiteCallHandler(Map.of("data", p.site()));
                // hospital-1 dies after the key exchange, before it sends its masked update; hospital-4 after it
                // sent its masked update, when asked to help unmask
                Procedure dies = p.name().equals("hospital-1") ? Procedure.TRAIN
                        : p.name().equals("hospital-4") ? Procedure.SECAGG_UNMASK : null;
                net.startNode(p.name(), (dataset, request, control) -> {
                    if (request.procedure() == dies) {
                        net.nodes.get(p.name()).close();
                        Thread.sleep(60_000);
                    }
                    return site.handle(dataset, request, control);
                });
                remote.add(net.remote(p));
            }
            net.awaitConnected(names);
            RunConfig config = new RunConfig(1, 1.0, 1, PLAN, 7, Duration.ofSeconds(30));
            RunHistory secure;
            try (InProcessTransport transport = new InProcessTransport(TestWorkers.shared(), 6)) {
                secure = new FederatedRun(config, new org.medfed.privacy.secagg.SecureAggregation(
                        new org.medfed.privacy.PrivacyFixtures.MeanStrategy(),
                        org.medfed.privacy.secagg.SecAggParameters.of(0.5),
                        org.medfed.privacy.random.RandomSource.secure(), 0), remote, transport, null)
                        .execute(ModelVector.zeros(8), RunControl.free());
            }
            assertThat(secure.status()).as(secure.message()).isEqualTo(RunStatus.FINISHED);
            assertThat(secure.rounds().get(0).diagnostics())
                    .containsEntry(org.medfed.privacy.secagg.SecureAggregation.PARTICIPANTS, 6.0)
                    .containsEntry(org.medfed.privacy.secagg.SecureAggregation.CONTRIBUTORS, 5.0);
            // the sum of the five masked updates that arrived, unmasked without hospital-1 and hospital-4's help
            List<InProcessParticipant> contributors = new ArrayList<>(hs);
            contributors.remove(1);
            RunHistory plain = org.medfed.privacy.PrivacyFixtures.run(
                    new org.medfed.privacy.PrivacyFixtures.MeanStrategy(), contributors, 1, 1.0, 7, ModelVector.zeros(8));
            double step = new org.medfed.privacy.secagg.Quantizer(32, 0.5, 6).maxErrorPerValue();
            for (int i = 0; i < 8; i++) {
                assertThat((double) secure.model().get(i)).isCloseTo(plain.model().get(i),
                        org.assertj.core.api.Assertions.within(step + 1e-6));
            }
        }
    }
}
