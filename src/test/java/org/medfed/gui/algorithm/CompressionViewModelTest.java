package org.medfed.gui.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.testing.Samples;
import org.medfed.project.CompressionSection;

/** The Algorithm screen's codec choice: what it writes, what it takes, and what it cannot be combined with. */
class CompressionViewModelTest {

    @TempDir
    Path dir;

    private StudyDocument sample() {
        return Samples.document(dir, 5);
    }

    @Test
    void aCodecIsWrittenWithTheSettingsItTakesAndNoneRemovesIt() {
        StudyDocument doc = sample();
        CompressionViewModel vm = new CompressionViewModel(doc);
        assertThat(vm.codecProperty().get()).isEqualTo(CompressionViewModel.NONE);
        assertThat(vm.codecs()).containsExactly("none", "delta", "quantise", "topk", "topk-quantise");

        vm.codecProperty().set("quantise");
        assertThat(vm.takesBitsProperty().get()).isTrue();
        assertThat(vm.takesFractionProperty().get()).isFalse();
        assertThat(doc.study().compression().toCodec().describe()).isEqualTo("8-bit stochastic quantisation");
        vm.bitsProperty().set(4);
        assertThat(doc.study().compression().bits()).isEqualTo(4);
        assertThat(vm.bitChoices()).containsExactly(2, 4, 8);

        vm.codecProperty().set("topk");
        assertThat(vm.takesFractionProperty().get()).isTrue();
        assertThat(vm.takesBitsProperty().get()).isFalse();
        assertThat(doc.study().compression().toCodec().describe()).isEqualTo("top-5.00 % sparsification with error feedback");
        vm.errorFeedbackProperty().set(false);
        assertThat(doc.study().compression().errorFeedback()).isFalse();
        vm.fraction().textProperty().set("0.01");
        assertThat(doc.study().compression().fraction()).isEqualTo(0.01);

        vm.codecProperty().set("none");
        assertThat(doc.study().compression()).isNull();
    }

    @Test
    void aStudysCompressionIsShownAsItIs() {
        StudyDocument doc = sample();
        doc.edit(s -> s.withCompression(new CompressionSection("topk-quantise", 2, 0.1, false)));
        CompressionViewModel vm = new CompressionViewModel(doc);
        assertThat(vm.codecProperty().get()).isEqualTo("topk-quantise");
        assertThat(vm.bitsProperty().get()).isEqualTo(2);
        assertThat(vm.fraction().textProperty().get()).isEqualTo("0.1");
        assertThat(vm.errorFeedbackProperty().get()).isFalse();
        assertThat(vm.explanationProperty().get()).contains("largest values");
    }

    @Test
    void theCodecsOwnRulesSayWhatItRefuses() {
        StudyDocument doc = sample();
        CompressionViewModel vm = new CompressionViewModel(doc);
        vm.codecProperty().set("topk");
        assertThat(vm.errorFeedbackRefusedProperty().get()).isEmpty();
        vm.fraction().textProperty().set("0");
        assertThat(vm.fraction().errorProperty().get())
                .isEqualTo("The share of values top-k keeps must be in (0, 1], was 0.0");
        assertThat(vm.valid().get()).isFalse();
        assertThat(doc.study().compression().fraction()).as("the study keeps its last good share").isEqualTo(0.05);
        vm.fraction().textProperty().set("0.2");
        assertThat(vm.valid().get()).isTrue();

        vm.codecProperty().set("quantise");
        assertThat(vm.errorFeedbackRefusedProperty().get())
                .isEqualTo("Error feedback only applies to top-k compression (topk, topk-quantise), not to 'quantise'");
        assertThat(doc.study().compression().errorFeedback()).isFalse();
    }

    @Test
    void compressionsRefusalsAreSaidBesideTheCodecAndNotTwiceOnTheScreen() {
        StudyDocument doc = sample();
        AlgorithmViewModel screen = new AlgorithmViewModel(doc);
        CompressionViewModel vm = screen.compression();
        ProtectionsViewModel protections = screen.protections();
        vm.codecProperty().set("quantise");
        protections.secureAggregationProperty().set(true);
        assertThat(vm.problems()).singleElement().asString()
                .startsWith("Compressed updates cannot be combined with secure aggregation or Paillier aggregation")
                .endsWith("(Algorithm).");
        assertThat(protections.problems()).isEmpty();

        protections.secureAggregationProperty().set(false);
        protections.dpProperty().set(true);
        assertThat(vm.problems()).singleElement().asString().contains("noise added at the hospitals");
        // the fix the refusal asks for is on the same screen
        protections.noiseAtHospitalsProperty().set(true);
        assertThat(doc.study().privacy().dp().noisePlacement()).isEqualTo("participants");
        assertThat(vm.problems()).isEmpty();
        protections.noiseAtHospitalsProperty().set(false);
        assertThat(doc.study().privacy().dp().noisePlacement()).isEqualTo("aggregator");
    }
}
