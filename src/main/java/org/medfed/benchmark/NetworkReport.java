package org.medfed.benchmark;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.medfed.benchmark.NetworkBenchmark.Variant;

/**
 * The figures of {@link NetworkBenchmark} and how they are written: four Markdown tables (time per round, one
 * call, bytes, secure aggregation) with the conditions they were measured in, and one CSV row per federation size
 * and variant.
 */
public record NetworkReport(NetworkBenchmark.Settings settings, MachineFacts before, MachineFacts after,
                            List<Federation> federations) {

    /**
     * What was measured for one federation size.
     *
     * @param millisPerRound   each timed repetition's wall time per round, by variant, in the order they ran
     * @param protobufBytes    per round and hospital, for the network variants: serialized protobuf messages
     * @param socketBytes      the same run's bytes on the sockets (through the counting relay)
     * @param oneCall          single evaluation calls to the first hospital, in process and over its node
     * @param secureDifference largest |secure aggregation's parameter - plain FedAvg's| (quantisation)
     * @param secureClipped    largest share of delta values secure aggregation clipped to its range in a round
     */
    public record Federation(int hospitals, Map<Variant, List<Double>> millisPerRound,
                             Map<Variant, WireBytes.PerHospital> protobufBytes,
                             Map<Variant, WireBytes.PerHospital> socketBytes, CallRoundTrip.Result oneCall,
                             double secureDifference,
                             double secureClipped) {

        public Federation {
            millisPerRound = Map.copyOf(millisPerRound);
            protobufBytes = Map.copyOf(protobufBytes);
            socketBytes = Map.copyOf(socketBytes);
        }

        Spread time(Variant v) {
            return Spread.of(millisPerRound.get(v));
        }

        /** b / a of the runs of each repetition: the two ran seconds apart, so a slow spell of the machine cancels. */
        Spread ratio(Variant a, Variant b) {
            return Spread.of(Spread.pairedRatios(millisPerRound.get(a), millisPerRound.get(b)));
        }

        /** b - a of the runs of each repetition. */
        Spread difference(Variant a, Variant b) {
            return Spread.of(Spread.pairedDifferences(millisPerRound.get(a), millisPerRound.get(b)));
        }

        String summary() {
            return String.format(Locale.ROOT, "%d hospitals: %.1f ms per round in process, %.1f ms over nodes "
                            + "(x%.2f), %.1f ms over nodes with secure aggregation; identical models",
                    hospitals, time(Variant.IN_PROCESS).median(), time(Variant.NETWORK).median(),
                    ratio(Variant.IN_PROCESS, Variant.NETWORK).median(), time(Variant.NETWORK_SECAGG).median());
        }
    }

    public String markdown(String command) {
        StringBuilder sb = new StringBuilder("### Network: nodes on loopback\n\n");
        sb.append("Command: `").append(command).append("`  \n");
        sb.append(conditions()).append("\n\n");
        timeTable(sb);
        callTable(sb);
        bytesTable(sb);
        secureTable(sb);
        return sb.toString();
    }

    private void timeTable(StringBuilder sb) {
        sb.append("#### Time per round (ms; median and range over ").append(settings.repetitions())
                .append(" repetitions)\n\n");
        sb.append("| hospitals | in process | in process, every message through protobuf "
                + "| loopback nodes (gRPC, mutual TLS) | nodes - in process (paired) | nodes / in process (paired) "
                + "| same model bit for bit |\n|---|---|---|---|---|---|---|\n");
        for (Federation f : federations) {
            sb.append("| ").append(f.hospitals()).append(" | ").append(ms(f.time(Variant.IN_PROCESS))).append(" | ")
                    .append(ms(f.time(Variant.IN_PROCESS_PROTOBUF))).append(" | ")
                    .append(ms(f.time(Variant.NETWORK))).append(" | ")
                    .append(ms(f.difference(Variant.IN_PROCESS, Variant.NETWORK))).append(" | ")
                    .append(ratio(f.ratio(Variant.IN_PROCESS, Variant.NETWORK))).append(" | yes, every run |\n");
        }
    }

    private void callTable(StringBuilder sb) {
        CallRoundTrip.Result first = federations.get(0).oneCall();
        sb.append("\n#### One call, model down and test metrics back (ms; p10 / median / p90 of ").append(first.calls())
                .append(" calls)\n\n");
        sb.append("| hospitals connected | in process | over a loopback node | node - in process (medians) |\n"
                + "|---|---|---|---|\n");
        for (Federation f : federations) {
            CallRoundTrip.Result c = f.oneCall();
            sb.append("| ").append(f.hospitals()).append(" | ").append(percentiles(c.inProcess())).append(" | ")
                    .append(percentiles(c.overNode())).append(" | ")
                    .append(num(c.overNode().median() - c.inProcess().median())).append(" |\n");
        }
        sb.append("\nThe first hospital's evaluation of the initial model and of one that differs from it in one "
                + "parameter, in turn (so that every call carries its model: a node is sent a model it holds only as "
                + "a digest), called again and again from one thread, alternating in process and over its node, "
                + "after the timed runs; the other nodes stayed connected and idle.\n");
    }

    private void bytesTable(StringBuilder sb) {
        sb.append("\n#### Bytes per round per hospital\n\n");
        sb.append("| hospitals | strategy | protobuf down | protobuf up | socket down | socket up "
                + "| socket / protobuf |\n|---|---|---|---|---|---|---|\n");
        for (Federation f : federations) {
            for (Variant v : List.of(Variant.NETWORK, Variant.NETWORK_SECAGG)) {
                WireBytes.PerHospital p = f.protobufBytes().get(v);
                WireBytes.PerHospital s = f.socketBytes().get(v);
                sb.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %.2f |%n", f.hospitals(),
                        v.secure() ? "FedAvg + secure aggregation" : "FedAvg", bytes(p.down()), bytes(p.up()),
                        bytes(s.down()), bytes(s.up()), s.total() / p.total()));
            }
        }
        sb.append("\nProtobuf: the serialized sizes of the coordinator's calls (down) and the node's replies and "
                + "heartbeats (up) as `NodeLink` counts them; they leave out gRPC's 5-byte message prefix, HTTP/2 "
                + "frames and headers, TLS records, TCP/IP headers and keepalive pings. Socket: every byte the TCP "
                + "connections carried during the same run (all of the above but TCP/IP headers), counted by a relay "
                + "on the loopback in a separate untimed run (the relay's extra hop is why it is not timed); both "
                + "columns were counted in that run.\n");
    }

    private void secureTable(StringBuilder sb) {
        sb.append("\n#### Secure aggregation over the network (ms per round; median and range)\n\n");
        sb.append("| hospitals | FedAvg, nodes | + secure aggregation, nodes | secure / plain, nodes (paired) "
                + "| + secure aggregation, in process | secure, nodes / in process (paired) "
                + "| bytes per hospital and round, plain -> secure (protobuf, both ways) "
                + "| largest parameter difference from plain FedAvg |\n|---|---|---|---|---|---|---|---|\n");
        for (Federation f : federations) {
            double plain = f.protobufBytes().get(Variant.NETWORK).total();
            double secure = f.protobufBytes().get(Variant.NETWORK_SECAGG).total();
            sb.append("| ").append(f.hospitals()).append(" | ").append(ms(f.time(Variant.NETWORK))).append(" | ")
                    .append(ms(f.time(Variant.NETWORK_SECAGG))).append(" | ")
                    .append(ratio(f.ratio(Variant.NETWORK, Variant.NETWORK_SECAGG))).append(" | ")
                    .append(ms(f.time(Variant.IN_PROCESS_SECAGG))).append(" | ")
                    .append(ratio(f.ratio(Variant.IN_PROCESS_SECAGG, Variant.NETWORK_SECAGG))).append(" | ")
                    .append(String.format(Locale.ROOT, "%s -> %s (x%.1f)", bytes(plain), bytes(secure),
                            secure / plain)).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1e%s", f.secureDifference(),
                            f.secureClipped() > 0 ? String.format(Locale.ROOT, " (%.1f %% of values clipped)",
                                    100 * f.secureClipped()) : "")).append(" |\n");
        }
        sb.append("\nSecure aggregation: Bonawitz et al.'s protocol as `study/Protections.java` wires it, "
                + "`new SecureAggregation(FedAvg.plain(), SecAggParameters.of(0.5), RandomSource.secure(), 0)` "
                + "(32-bit masked values, range +-0.5, threshold 2/3, unweighted mean); its secure randomness makes "
                + "each run's model differ slightly from plain FedAvg's (quantisation), so only plain FedAvg is "
                + "checked bit for bit.\n");
    }

    private String conditions() {
        NetworkBenchmark.Settings s = settings;
        int cores = before.cores();
        return String.format(Locale.ROOT, "Synthetic hospitals of %d rows each (3/4 training; 20 standard-normal "
                        + "features, a shared linear rule), %s (%,d parameters), FedAvg with equal "
                        + "weights, %d rounds of one local epoch of SGD (batch 32), every hospital in every round, "
                        + "test evaluation at every hospital after each round. Each plain variant ran 3 times "
                        + "untimed and each secure one once for one round, then %d timed repetitions, the variants "
                        + "interleaved in an order that turns every repetition; time per round is a run's wall time "
                        + "divided by its rounds. In process the round loop used min(hospitals, %d cores) threads; "
                        + "with nodes it used one thread per hospital (as `medfed run --listen` does; both pools "
                        + "started before the timed runs) and all nodes shared %d threads for their work, so both computed on the same number of threads. Every "
                        + "node ran in this JVM and reached the coordinator over 127.0.0.1 with mutual TLS. \"Every "
                        + "message through protobuf\" is the in-process run with each request and reply encoded to "
                        + "protobuf bytes and decoded again, without gRPC, TLS, socket or thread hop.  \n"
                        + "Machine: %d cores, %s, %s. Load average before: %s; after: %s. CPU pressure (share of "
                        + "time some runnable thread waited for a core) before: %s; after: %s. The machine is "
                        + "shared: only the ratios, taken within seconds of each other, are meant to carry over.",
                s.rows(), modelName(s), s.model().parameterCount(), s.rounds(), s.repetitions(), cores, cores,
                cores, before.jvm(), before.date(), before.loadAverage(), after.loadAverage(), before.cpuPressure(),
                after.cpuPressure());
    }

    private static String modelName(NetworkBenchmark.Settings s) {
        return s.hidden().isEmpty() ? "logistic regression" : "an MLP " + SyntheticHospitals.FEATURES + "-"
                + s.hidden().stream().map(String::valueOf).collect(Collectors.joining("-")) + "-1";
    }

    public String csv() {
        StringBuilder sb = new StringBuilder("hospitals,variant,rounds,repetitions,median_ms_per_round,min_ms_per_round,"
                + "max_ms_per_round,ms_per_round_each,protobuf_bytes_down_per_round_per_hospital,"
                + "protobuf_bytes_up_per_round_per_hospital,socket_bytes_down_per_round_per_hospital,"
                + "socket_bytes_up_per_round_per_hospital,single_call_p10_ms,single_call_median_ms,single_call_p90_ms,"
                + "model_identical_to_in_process\n");
        for (Federation f : federations) {
            for (Variant v : Variant.values()) {
                Spread t = f.time(v);
                WireBytes.PerHospital p = f.protobufBytes().get(v);
                WireBytes.PerHospital s = f.socketBytes().get(v);
                sb.append(f.hospitals()).append(',').append(v.name().toLowerCase(Locale.ROOT)).append(',')
                        .append(settings.rounds()).append(',').append(settings.repetitions()).append(',')
                        .append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f,", t.median(), t.min(), t.max()))
                        .append(f.millisPerRound().get(v).stream().map(x -> String.format(Locale.ROOT, "%.3f", x))
                                .collect(Collectors.joining(" "))).append(',')
                        .append(p == null ? "," : String.format(Locale.ROOT, "%.1f,%.1f", p.down(), p.up())).append(',')
                        .append(s == null ? "," : String.format(Locale.ROOT, "%.1f,%.1f", s.down(), s.up())).append(',')
                        .append(callColumns(v, f.oneCall())).append(',')
                        // the benchmark throws before writing anything when a plain run is not identical
                        .append(v.secure() ? "not checked (secure randomness)" : "yes").append('\n');
            }
        }
        return sb.toString();
    }

    private static String ms(Spread s) {
        return String.format(Locale.ROOT, "%s (%s - %s)", num(s.median()), num(s.min()), num(s.max()));
    }

    /** The single-call percentiles beside the variant they belong to, empty for the others. */
    private static String callColumns(Variant v, CallRoundTrip.Result c) {
        CallRoundTrip.Percentiles p = v == Variant.IN_PROCESS ? c.inProcess() : v == Variant.NETWORK ? c.overNode() : null;
        return p == null ? ",," : String.format(Locale.ROOT, "%.4f,%.4f,%.4f", p.p10(), p.median(), p.p90());
    }

    private static String percentiles(CallRoundTrip.Percentiles p) {
        return String.format(Locale.ROOT, "%s / %s / %s", num(p.p10()), num(p.median()), num(p.p90()));
    }

    private static String num(double ms) {
        return String.format(Locale.ROOT, Math.abs(ms) < 1 ? "%.3f" : Math.abs(ms) < 10 ? "%.2f"
                : Math.abs(ms) < 100 ? "%.1f" : "%.0f", ms);
    }

    private static String ratio(Spread s) {
        return String.format(Locale.ROOT, "x%.2f (%.2f - %.2f)", s.median(), s.min(), s.max());
    }

    private static String bytes(double b) {
        return b >= 10_000 ? String.format(Locale.ROOT, "%,.0f", b) : String.format(Locale.ROOT, "%.0f", b);
    }
}
