package org.medfed.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.BadInputException;
import org.medfed.engine.Evaluation;
import org.medfed.engine.ModelVector;
import org.medfed.engine.ParticipantFailure;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.checkpoint.Checkpoint;
import org.medfed.engine.checkpoint.ResumableRandom;
import org.medfed.engine.checkpoint.StateValues;
import org.medfed.engine.protocol.Params;

class CheckpointFileTest {

    /** Doubles that a decimal format could lose: signed zero, the extremes, non-finite values, 0.1 + 0.2. */
    private static final double[] AWKWARD = {0.0, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL,
            0.1 + 0.2, 1.0 / 3, Math.PI * 1e300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    @TempDir
    Path dir;

    private static Map<String, Double> figures(String prefix) {
        Map<String, Double> out = new LinkedHashMap<>();
        // deliberately not in alphabetical order: metrics.csv keeps the order a round produced
        for (int i = AWKWARD.length - 1; i >= 0; i--) {
            out.put(prefix + "z" + i, AWKWARD[i]);
        }
        return out;
    }

    private static RoundRecord round(int n) {
        Map<String, Evaluation> test = new LinkedHashMap<>();
        test.put("zurich", new Evaluation(12, figures("m")));
        test.put("aarhus", new Evaluation(0, Map.of()));
        return new RoundRecord(n, List.of("aarhus", "zurich"), Map.of("zurich", 0.25), test, figures("g"),
                List.of(new ParticipantFailure(n, "aarhus", ParticipantFailure.Phase.FIT,
                        "did not answer within 30 s: \"ü\", a comma, and a\nnew line", true)),
                Duration.ofNanos(123_456_789L * n), 987_654_321_000L, figures("d"));
    }

    private static Checkpoint checkpoint() {
        float[] model = {0f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.intBitsToFloat(0x7fc00123),
                Float.NEGATIVE_INFINITY, 1f / 3};
        Params strategy = Params.builder()
                .put("inner.fedopt.m", StateValues.doubles(AWKWARD))
                .floats("own.c", model)
                .longs("own.longs", new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE})
                .bytes("own.bytes", new byte[] {0, -1, 127, -128})
                .number("own.clip", -0.0).number("own.nan", Double.NaN).number("own.tiny", Double.MIN_VALUE)
                .text("own.name", "hôpital, \"nord\"").build();
        Params site = Params.builder().floats("scaffold.ci", new float[] {1.5f, -2.25f}).build();
        return new Checkpoint(2, 5, -42L, "fedadam+dp", List.of("aarhus", "zurich"), ModelVector.of(model),
                new ResumableRandom.State((1L << 48) - 1, true, -0.0), strategy, Map.of("zurich", site),
                List.of(round(1), round(2)));
    }

    @Test
    void aSavedCheckpointReadsBackBitForBit() {
        Checkpoint saved = checkpoint();
        CheckpointFile file = CheckpointFile.in(dir);
        file.save(saved);
        Checkpoint read = file.load();

        assertThat(read.round()).isEqualTo(2);
        assertThat(read.roundsPlanned()).isEqualTo(5);
        assertThat(read.seed()).isEqualTo(-42L);
        assertThat(read.strategyId()).isEqualTo("fedadam+dp");
        assertThat(read.participants()).containsExactly("aarhus", "zurich");
        assertThat(bits(read.model())).isEqualTo(bits(saved.model()));
        assertThat(read.sampler()).isEqualTo(saved.sampler());
        assertThat(Double.doubleToRawLongBits(read.sampler().nextGaussian()))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(read.strategyState()).isEqualTo(saved.strategyState());
        assertThat(read.strategyState().number("own.clip")).isEqualTo(-0.0);
        double[] moments = StateValues.doubles(read.strategyState(), "inner.fedopt.m");
        for (int i = 0; i < AWKWARD.length; i++) {
            assertThat(Double.doubleToRawLongBits(moments[i])).isEqualTo(Double.doubleToRawLongBits(AWKWARD[i]));
        }
        assertThat(read.participantStates()).isEqualTo(saved.participantStates());
        assertThat(read.rounds()).isEqualTo(saved.rounds());
        for (int r = 0; r < 2; r++) {
            RoundRecord a = read.rounds().get(r);
            RoundRecord b = saved.rounds().get(r);
            assertThat(a.global().keySet()).containsExactlyElementsOf(b.global().keySet());
            assertThat(a.diagnostics().keySet()).containsExactlyElementsOf(b.diagnostics().keySet());
            assertThat(a.test().get("zurich").metrics().keySet())
                    .containsExactlyElementsOf(b.test().get("zurich").metrics().keySet());
            a.global().forEach((k, v) -> assertThat(Double.doubleToRawLongBits(v))
                    .as(k).isEqualTo(Double.doubleToRawLongBits(b.global().get(k))));
        }
    }

    private static int[] bits(ModelVector v) {
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.floatToRawIntBits(v.get(i));
        }
        return out;
    }

    /** A checkpoint of {@code rounds}, otherwise {@link #checkpoint()}. */
    private static Checkpoint withRounds(List<RoundRecord> rounds) {
        Checkpoint c = checkpoint();
        return new Checkpoint(rounds.size(), 5, c.seed(), c.strategyId(), c.participants(), c.model(), c.sampler(),
                c.strategyState(), c.participantStates(), rounds);
    }

    /** A checkpoint of schema 1, as MedFed wrote them before the records had a file of their own. */
    private static byte[] schemaOne(Checkpoint c) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode tree = CheckpointJson.head(c);
        tree.put("schemaVersion", 1);
        com.fasterxml.jackson.databind.node.ArrayNode rounds = tree.putArray(CheckpointJson.ROUNDS);
        c.rounds().forEach(r -> rounds.add(RoundRecordJson.write(r)));
        return Json.MAPPER.writeValueAsBytes(tree);
    }

    private Path journal() {
        return dir.resolve(CheckpointFile.ROUNDS_NAME);
    }

    /** Each round's record is written once, as one line after the earlier ones, which stay byte for byte. */
    @Test
    void eachRoundsRecordIsAppendedOnceAndTheEarlierOnesStay() throws Exception {
        CheckpointFile file = CheckpointFile.in(dir);
        List<RoundRecord> run = new java.util.ArrayList<>();
        // a name outside the basic plane, one with an accent, a line break in a message: one record is one line
        RoundRecord third = new RoundRecord(3, List.of("h\uD83C\uDFE5pital", "zürich"), Map.of("zürich", 0.5),
                Map.of(), Map.of(), List.of(), Duration.ZERO, 0, Map.of());
        byte[] before = new byte[0];
        for (RoundRecord r : List.of(round(1), round(2), third, round(4))) {
            run.add(r);
            file.save(withRounds(List.copyOf(run)));
            byte[] now = Files.readAllBytes(journal());
            assertThat(Arrays.copyOf(now, before.length)).as("after round " + r.round()).isEqualTo(before);
            String added = new String(now, before.length, now.length - before.length, StandardCharsets.UTF_8);
            assertThat(added).endsWith("\n").doesNotContain("  ");
            assertThat(added.indexOf('\n')).isEqualTo(added.length() - 1);
            assertThat(file.load().rounds()).isEqualTo(run);
            before = now;
        }
        // a checkpoint that does not continue the last one (another run's rounds, fewer rounds) is written afresh
        for (List<RoundRecord> other : List.of(List.of(round(1), new RoundRecord(2, List.of("aarhus"),
                Map.of("aarhus", 0.75), Map.of(), Map.of(), List.of(), Duration.ZERO, 0, Map.of())),
                List.of(round(1)))) {
            file.save(withRounds(other));
            assertThat(file.load().rounds()).isEqualTo(other);
            assertThat(Files.readAllLines(journal())).hasSize(other.size());
        }
    }

    /** Records are read in pieces: one longer than a piece, and lines that cross from one piece to the next. */
    @Test
    void recordsLongerThanTheReadingBufferReadBack() {
        List<RoundRecord> run = new java.util.ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            run.add(new RoundRecord(n, List.of("aarhus"), Map.of("aarhus", 1.0 / n), Map.of(), figures("g"),
                    List.of(new ParticipantFailure(n, "aarhus", ParticipantFailure.Phase.FIT,
                            "x".repeat(n == 2 ? 200_000 : 40_000 * n + 17), false)), Duration.ofMillis(n), n, Map.of()));
        }
        CheckpointFile.in(dir).save(withRounds(run));
        assertThat(CheckpointFile.in(dir).load().rounds()).isEqualTo(run);
    }

    /** A save writes only the new round's record: bytes changed in an earlier record stay changed after it. */
    @Test
    void theRecordsOfEarlierRoundsAreNotWrittenAgain() throws Exception {
        CheckpointFile file = CheckpointFile.in(dir);
        List<RoundRecord> run = new java.util.ArrayList<>(List.of(round(1), round(2)));
        file.save(withRounds(List.copyOf(run)));
        byte[] records = Files.readAllBytes(journal());
        int digit = new String(records, StandardCharsets.ISO_8859_1).indexOf("\"round\":1") + "\"round\":".length();
        records[digit] = '7';
        Files.write(journal(), records);
        run.add(round(3));
        file.save(withRounds(List.copyOf(run)));
        assertThat(Files.readAllLines(journal()).get(0)).startsWith("{\"round\":7");
    }

    /**
     * What a process killed while appending leaves (part of the next record after the last checkpoint's) is not
     * read, and the resumed run, saving through a new object, cuts it off and appends only its new rounds.
     */
    @Test
    void recordsAppendedByAKilledSaveAreIgnoredAndCutOffOnResume() throws Exception {
        CheckpointFile file = CheckpointFile.in(dir);
        file.save(withRounds(List.of(round(1), round(2))));
        byte[] two = Files.readAllBytes(journal());
        // longer than the record that will take its place
        Files.write(journal(), ("{\"round\":3,\"selected\":[\"" + "x".repeat(5000)).getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);
        Checkpoint loaded = CheckpointFile.in(dir).load();
        assertThat(loaded.rounds()).containsExactly(round(1), round(2));

        List<RoundRecord> resumed = new java.util.ArrayList<>(loaded.rounds());
        resumed.add(round(3));
        CheckpointFile.in(dir).save(withRounds(resumed));
        byte[] three = Files.readAllBytes(journal());
        assertThat(Arrays.copyOf(three, two.length)).isEqualTo(two);
        assertThat(Files.readAllLines(journal())).hasSize(3);
        assertThat(CheckpointFile.in(dir).load().rounds()).containsExactly(round(1), round(2), round(3));
    }

    /** A checkpoint of schema 1 (its records inside it) is read, and a run resumed from it goes on saving. */
    @Test
    void aCheckpointOfSchemaOneIsReadAndContinued() throws Exception {
        Files.write(dir.resolve(CheckpointFile.NAME), schemaOne(withRounds(List.of(round(1), round(2)))));
        Checkpoint loaded = CheckpointFile.in(dir).load();
        assertThat(loaded.rounds()).containsExactly(round(1), round(2));
        List<RoundRecord> resumed = new java.util.ArrayList<>(loaded.rounds());
        resumed.add(round(3));
        CheckpointFile.in(dir).save(withRounds(resumed));
        assertThat(CheckpointFile.in(dir).load().rounds()).containsExactly(round(1), round(2), round(3));
        assertThat(Files.readString(dir.resolve(CheckpointFile.NAME))).contains("\"schemaVersion\" : 2");
    }

    /** The records a checkpoint names must be there, whole and unchanged; each case is named. */
    @Test
    void missingShortOrChangedRecordsGetAMessageNamingThem() throws Exception {
        CheckpointFile file = CheckpointFile.in(dir);
        file.save(withRounds(List.of(round(1), round(2))));
        byte[] records = Files.readAllBytes(journal());
        String prefix = "checkpoint.json: the checkpoint " + file.file().toAbsolutePath() + " cannot be used: ";

        Files.write(journal(), Arrays.copyOf(records, records.length - 10));
        assertThatThrownBy(() -> CheckpointFile.in(dir).load()).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(prefix + "its round records checkpoint-rounds.jsonl hold " + (records.length - 10)
                        + " bytes where the checkpoint stands for " + records.length + " (the file was cut short)");

        byte[] changed = records.clone();
        changed[records.length / 2] ^= 1;
        Files.write(journal(), changed);
        assertThatThrownBy(() -> CheckpointFile.in(dir).load())
                .hasMessageStartingWith(prefix + "its round records checkpoint-rounds.jsonl are not the ones it was saved "
                        + "with (their SHA-256 differs");

        Files.delete(journal());
        assertThatThrownBy(() -> CheckpointFile.in(dir).load())
                .hasMessageStartingWith(prefix + "its round records checkpoint-rounds.jsonl are missing");
    }

    @Test
    void savingReplacesTheCheckpointWholeAndLeavesNoTemporaryFile() throws Exception {
        CheckpointFile file = CheckpointFile.in(dir);
        file.save(checkpoint());
        Checkpoint c = checkpoint();
        file.save(new Checkpoint(1, 5, c.seed(), c.strategyId(), c.participants(), c.model(), c.sampler(),
                c.strategyState(), c.participantStates(), c.rounds().subList(0, 1)));
        assertThat(file.load().round()).isEqualTo(1);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(CheckpointFile.NAME, CheckpointFile.ROUNDS_NAME);
        }
    }

    @Test
    void aHalfWrittenTemporaryFileOfAKilledSaveIsIgnored() throws Exception {
        CheckpointFile file = CheckpointFile.in(dir);
        file.save(checkpoint());
        byte[] whole = Files.readAllBytes(file.file());
        // what AtomicFiles leaves when the process dies in the middle of writing the next checkpoint
        Files.write(dir.resolve("." + CheckpointFile.NAME + ".5d1c0ffee.tmp"), Arrays.copyOf(whole, whole.length / 2));
        assertThat(file.load().round()).isEqualTo(2);
        assertThat(file.load().strategyState()).isEqualTo(checkpoint().strategyState());
    }

    @Test
    void aMissingEmptyDamagedOrForeignFileGetsAMessageNamingIt() throws Exception {
        CheckpointFile file = CheckpointFile.in(dir);
        assertThatThrownBy(file::load).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("checkpoint.json: no checkpoint");

        Files.write(file.file(), new byte[0]);
        assertThatThrownBy(file::load)
                .hasMessageStartingWith("checkpoint.json: the checkpoint " + file.file().toAbsolutePath() + " is empty");

        file.save(checkpoint());
        String whole = Files.readString(file.file());
        Files.writeString(file.file(), whole.substring(0, whole.length() / 2));
        assertThatThrownBy(file::load).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("checkpoint.json: the checkpoint " + file.file().toAbsolutePath() + " is damaged");

        Files.writeString(file.file(), whole.replaceFirst("\"size\" : 8", "\"size\" : 9"));
        assertThatThrownBy(file::load).hasMessageContaining("model.floats holds 8 values where model.size says 9");

        Files.writeString(file.file(), whole.replaceFirst("\"round\" : 2,", "\"round\" : \"two\","));
        assertThatThrownBy(file::load).hasMessageContaining("round is \"two\", expected a whole number");

        Files.writeString(file.file(), whole.replaceFirst("\"schemaVersion\" : 2", "\"schemaVersion\" : 7"));
        assertThatThrownBy(file::load).hasMessageContaining("written by a newer MedFed");

        Files.write(file.file(), "{\"schemaVersion\": 1, \"name\": \"a study\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(file::load).hasMessageContaining("not a MedFed checkpoint");
    }
}
