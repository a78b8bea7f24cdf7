package org.medfed.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DateTextTest {

    @Test
    void datesAsExportsWriteThemAndNothingElse() {
        assertThat(List.of("2019-03-04", "2019/3/4", "04.03.2019", "4.3.19", "3/4/2019", "2019-03-04 14:05",
                "2019-03-04T14:05:33Z", " 04.03.2019 ", "2019-03-04 14:05:33.120")).allMatch(DateText::looksLikeDate);
        assertThat(List.of("12.5", "3-4", "2019", "63,0", "1e-3", "B", "120/80", "2019-03", "")).noneMatch(DateText::looksLikeDate);
        assertThat(DateText.looksLikeDate(null)).isFalse();
    }
}
