package org.medfed.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.benchmark.NetworkBenchmark.Variant;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunStatus;
import org.medfed.testsupport.TestWorkers;

/**
 * The network benchmark at its smallest (2 hospitals, 2 rounds, one repetition): its report has every table and
 * column, and the network run gave the in-process model (the benchmark throws otherwise). No timing is asserted:
 * a benchmark measures, a test only checks that it measured.
 */
class NetworkBenchmarkTest {

    private static final NetworkBenchmark.Settings TINY = new NetworkBenchmark.Settings(List.of(2), 2, 1, 40, 42, List.of());

    @Test
    void aTinyRunReportsEveryTableAndFindsTheNetworkModelIdentical() {
        NetworkReport report = NetworkBenchmark.run(TestWorkers.shared(), TINY, line -> { });

        assertThat(report.federations()).hasSize(1);
        NetworkReport.Federation f = report.federations().get(0);
        assertThat(f.hospitals()).isEqualTo(2);
        for (Variant v : Variant.values()) {
            assertThat(f.millisPerRound().get(v)).as(v.label()).hasSize(1).allMatch(ms -> ms > 0);
        }
        for (Variant v : List.of(Variant.NETWORK, Variant.NETWORK_SECAGG)) {
            WireBytes.PerHospital protobuf = f.protobufBytes().get(v);
            WireBytes.PerHospital socket = f.socketBytes().get(v);
            assertThat(protobuf.down()).as(v.label()).isPositive();
            assertThat(protobuf.up()).as(v.label()).isPositive();
            // the sockets carry the messages plus gRPC, HTTP/2 and TLS framing
            assertThat(socket.down()).as(v.label()).isGreaterThan(protobuf.down());
            assertThat(socket.up()).as(v.label()).isGreaterThan(protobuf.up());
        }
        // secure aggregation sends masked values, keys and shares besides what plain FedAvg sends
        assertThat(f.protobufBytes().get(Variant.NETWORK_SECAGG).total())
                .isGreaterThan(f.protobufBytes().get(Variant.NETWORK).total());
        assertThat(f.secureDifference()).isLessThan(1e-3);
        assertThat(f.oneCall().calls()).isEqualTo(NetworkBenchmark.SINGLE_CALLS);
        assertThat(f.oneCall().overNode().median()).isPositive();
        assertThat(f.oneCall().inProcess().p10()).isLessThanOrEqualTo(f.oneCall().inProcess().p90());

        String md = report.markdown("the command");
        assertThat(md).contains("### Network: nodes on loopback", "Command: `the command`",
                "#### Time per round", "#### One call", "#### Bytes per round per hospital", "#### Secure aggregation over the network",
                "Load average before:", "CPU pressure", "TLS records", "| 2 | FedAvg | ", "| 2 | FedAvg + secure aggregation | ");
        assertThat(md.lines().filter(l -> l.startsWith("| 2 |")).toList()).hasSize(5);
        assertThat(md.lines().filter(l -> l.startsWith("| 2 |")).findFirst().orElseThrow())
                .endsWith("| yes, every run |");

        List<String> csv = report.csv().lines().toList();
        assertThat(csv).hasSize(1 + Variant.values().length);
        int columns = csv.get(0).split(",", -1).length;
        assertThat(csv).allMatch(line -> line.split(",", -1).length == columns);
        assertThat(csv.get(0)).startsWith("hospitals,variant,rounds,repetitions,median_ms_per_round");
        assertThat(csv).anyMatch(l -> l.startsWith("2,network,2,1,") && l.endsWith(",yes"));
        assertThat(csv).anyMatch(l -> l.startsWith("2,in_process,2,1,") && l.endsWith(",yes"));
        assertThat(csv).anyMatch(l -> l.startsWith("2,in_process_protobuf,2,1,") && l.endsWith(",yes"));
    }

    @Test
    void aModelThatDiffersInOneBitStopsTheBenchmark() {
        RunHistory local = history(1.0f, 2.0f);
        RunHistory network = history(1.0f, Math.nextUp(2.0f));

        IdenticalRuns.check("same", history(1.0f, 2.0f), local);
        assertThatThrownBy(() -> IdenticalRuns.check("4 hospitals", network, local))
                .isInstanceOf(IdenticalRuns.NotIdenticalException.class)
                .hasMessageContaining("NOT IDENTICAL").hasMessageContaining("parameter 1");
    }

    @Test
    void aFederationOfOneHospitalIsRefused() {
        assertThatThrownBy(() -> new NetworkBenchmark.Settings(List.of(1, 4), 2, 1, 40, 42, List.of()))
                .hasMessageContaining("at least 2");
    }

    private static RunHistory history(float... model) {
        return new RunHistory("fedavg", List.of("a"), List.of(), ModelVector.wrap(model), RunStatus.FINISHED, "",
                Duration.ZERO);
    }
}
