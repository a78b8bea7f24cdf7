package org.medfed.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.engine.BadInputException;

class CompressionBenchmarkTest {

    private static List<String> labels(List<String> wanted) {
        return CompressionBenchmark.select(CompressionBenchmark.codecs(), wanted).stream()
                .map(CompressionBenchmark.Codec::label).toList();
    }

    @Test
    void codecsSelectRowsByCatalogueIdAndBitsAndAlwaysKeepTheFloat32Baseline() {
        assertThat(labels(List.of("float32", "quantise:8"))).containsExactly("float32 (no compression)",
                "8-bit quantisation");
        assertThat(labels(List.of("quantise:8"))).containsExactly("float32 (no compression)", "8-bit quantisation");
        assertThat(labels(List.of("quantise"))).containsExactly("float32 (no compression)", "8-bit quantisation",
                "4-bit quantisation", "2-bit quantisation");
        assertThat(labels(List.of("TOPK", "delta"))).containsExactly("float32 (no compression)", "delta, float32",
                "top-3 % + error feedback", "top-3 %, no error feedback");
        assertThat(labels(List.of())).hasSize(CompressionBenchmark.codecs().size());
    }

    @Test
    void unknownCodecsAndMisplacedBitsAreRefusedNamingWhatIsExpected() {
        assertThatThrownBy(() -> labels(List.of("zip"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("'zip' is not a codec").hasMessageContaining("quantise");
        assertThatThrownBy(() -> labels(List.of("topk:8"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("bits after the colon are for quantise and topk-quantise only");
        assertThatThrownBy(() -> labels(List.of("quantise:3"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("[2, 4, 8]");
        assertThatThrownBy(() -> labels(List.of("topk-quantise:2"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("names no row");
    }
}
