package org.medfed.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MissingTokensTest {

    @Test
    void answersAsTheSetDoesWhateverTheFirstCharacter() {
        MissingTokens tokens = new MissingTokens(Set.of("", "NA", "?", "-999", "ñ/a"));
        for (String v : new String[] {"", "NA", "?", "-999", "ñ/a"}) {
            assertThat(tokens.contains(v)).as(v).isTrue();
        }
        for (String v : new String[] {"N", "NAN", "-9", "12.5", "ñ", "na", "??"}) {
            assertThat(tokens.contains(v)).as(v).isFalse();
        }
    }

    @Test
    void anEmptyValueIsMissingOnlyWhenTheEmptyTokenIsListed() {
        assertThat(new MissingTokens(Set.of("NA")).contains("")).isFalse();
        assertThat(new MissingTokens(CsvFormat.DEFAULT_MISSING).contains("")).isTrue();
    }
}
