package org.medfed.gui.node;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunListener;
import org.medfed.network.coordinator.CoordinatorServer;
import org.medfed.network.provision.KitLayout;
import org.medfed.network.tls.TlsIdentity;
import org.medfed.project.ParticipantEntry;
import org.medfed.study.RunOptions;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.study.MultiSiteStudy;
import org.medfed.study.PreparedStudy;
import org.medfed.study.StudyResult;
import org.medfed.study.StudyRunner;
import org.medfed.testsupport.TestWorkers;

/**
 * The researcher's side for the node window's tests: a coordinator listening on the loopback with the
 * coordinator's part of a provisioned kit, which runs the heart sample study (a few rounds) through the nodes.
 */
public final class KitCoordinator implements AutoCloseable {

    static final Path SAMPLE = Path.of("sample-projects/heart-4-hospitals/study.json").toAbsolutePath();

    final CoordinatorServer server;
    private final ScheduledExecutorService executor = TestWorkers.shared().scheduled("test-coordinator", 4);

    public KitCoordinator(Path kit, String study, int port, List<String> nodes) {
        Path c = KitLayout.coordinatorFolder(kit);
        TlsIdentity identity = TlsIdentity.load(c.resolve(KitLayout.COORDINATOR_CERTIFICATE),
                c.resolve(KitLayout.COORDINATOR_KEY), c.resolve(KitLayout.CA_CERTIFICATE));
        server = CoordinatorServer.start(new InetSocketAddress("127.0.0.1", port), identity, study, nodes, "test",
                executor);
    }

    /** The heart study with each hospital behind the node of the same name, dataset "heart", for {@code rounds}. */
    public StudyResult runHeartStudy(List<String> nodes, int rounds) {
        Study sample = StudyFile.load(SAMPLE);
        List<ParticipantEntry> remote = new ArrayList<>();
        nodes.forEach(n -> remote.add(ParticipantEntry.remote(n, n, "heart")));
        Study study = sample.withParticipants(remote).withTraining(sample.training().withRounds(rounds));
        PreparedStudy prepared = MultiSiteStudy.prepare(TestWorkers.shared(), study, SAMPLE, server.nodes(), Duration.ofSeconds(30),
                "node-window-test", m -> { });
        return StudyRunner.run(TestWorkers.shared(), prepared, new RunOptions(null, null, false), RunListener.NONE, RunControl.free(),
                m -> { });
    }

    @Override
    public void close() {
        server.close();
        executor.shutdownNow();
    }
}
