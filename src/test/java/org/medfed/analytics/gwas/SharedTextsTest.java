package org.medfed.analytics.gwas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SharedTextsTest {

    @Test
    void repeatedShortTextsComeBackAsOneString() {
        SharedTexts texts = new SharedTexts();
        String chr1 = texts.of(new String("chr1"));
        assertThat(texts.of(new String("chr1"))).isSameAs(chr1);
        assertThat(texts.of("xchr1y", 1, 5)).isSameAs(chr1);
        byte[] utf8 = "chr1".getBytes(StandardCharsets.US_ASCII);
        assertThat(texts.of(utf8, 0, 4)).isSameAs(chr1);
        // single characters are shared by every table, without a String made for them
        assertThat(texts.of("ACGT", 2, 3)).isEqualTo("G").isSameAs(new SharedTexts().of(new String("G")));
    }

    @Test
    void textsAreDecodedAsUtf8AndLongOnesAreNotKept() {
        SharedTexts texts = new SharedTexts();
        byte[] utf8 = "contig-Ä".getBytes(StandardCharsets.UTF_8);
        assertThat(texts.of(utf8, 0, utf8.length)).isEqualTo("contig-Ä");
        String indel = "A".repeat(SharedTexts.MAX_SHARED + 1);
        assertThat(texts.of(new String(indel))).isEqualTo(indel).isNotSameAs(texts.of(new String(indel)));
    }

    @Test
    void aFullTableStillAnswersWithEqualTexts() {
        SharedTexts texts = new SharedTexts();
        for (int i = 0; i < 5_000; i++) {
            assertThat(texts.of("c" + i)).isEqualTo("c" + i);
        }
        String late = texts.of(new String("late"));
        assertThat(late).isEqualTo("late");
        assertThat(texts.of(new String("c1"))).isSameAs(texts.of(new String("c1")));
    }

    @Test
    void uniqueTextsShareOnlyTheDotOfAMissingId() {
        assertThat(SharedTexts.unique("rs1\n.", 4, 5)).isSameAs(SharedTexts.unique(".x", 0, 1)).isEqualTo(".");
        assertThat(SharedTexts.unique("rs1\n.", 0, 3)).isEqualTo("rs1");
        byte[] utf8 = "rs99".getBytes(StandardCharsets.US_ASCII);
        assertThat(SharedTexts.unique(utf8, 0, 4)).isEqualTo("rs99");
    }
}
