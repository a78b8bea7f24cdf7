package org.medfed.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnglishListTest {

    @Test
    void listsOneTwoAndMoreNamesAsASentenceDoes() {
        assertThat(EnglishList.of(List.of("rural"))).isEqualTo("rural");
        assertThat(EnglishList.of(List.of("rural", "city"))).isEqualTo("rural and city");
        assertThat(EnglishList.of(List.of("rural", "city", "heart"))).isEqualTo("rural, city and heart");
        assertThatThrownBy(() -> EnglishList.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
