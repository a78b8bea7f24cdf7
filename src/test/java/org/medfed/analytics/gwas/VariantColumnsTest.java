package org.medfed.analytics.gwas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VariantColumnsTest {

    @Test
    void givesBackEachVariantAsAddedPastItsFirstCapacity() {
        List<VariantInfo> added = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // no ID, a plain rsID, and one in UTF-8 beyond ASCII, in turn
            String id = i % 3 == 0 ? "." : i % 3 == 1 ? "rs" + i : "var-\u00e9\u4e00-" + i;
            added.add(new VariantInfo(i < 50 ? "1" : "chrX", 1000 + i, id, "A", i % 2 == 0 ? "G" : "TTA"));
        }
        // a buffer with other bytes around each ID, as the cache's contents hold them
        VariantColumns.Builder builder = new VariantColumns.Builder(1);
        for (VariantInfo v : added) {
            byte[] id = v.id().getBytes(StandardCharsets.UTF_8);
            byte[] buffer = new byte[id.length + 6];
            System.arraycopy(id, 0, buffer, 3, id.length);
            builder.add(v.chrom(), v.position(), buffer, 3, id.length, v.ref(), v.alt());
        }

        VariantColumns columns = builder.build();

        assertThat(columns).hasSize(100).containsExactlyElementsOf(added);
        assertThat(columns.get(2).id()).isEqualTo("var-\u00e9\u4e00-2");
        assertThat(columns.get(0).id()).isSameAs(columns.get(3).id()); // the "." of no ID is shared
    }

    @Test
    void selectedRowsAndAListMadeColumnar() {
        List<VariantInfo> list = List.of(new VariantInfo("1", 10, ".", "A", "G"),
                new VariantInfo("2", 20, "rs\u00e9", "C", "T"), new VariantInfo("X", 30, "..", "G", "A"));
        VariantColumns columns = VariantColumns.of(list);

        assertThat(columns).containsExactlyElementsOf(list);
        assertThat(VariantColumns.of(columns)).isSameAs(columns);
        assertThat(columns.select(new int[] {2, 0, 2})).containsExactly(list.get(2), list.get(0), list.get(2));
        assertThat(columns.select(new int[0])).isEmpty();
        // "." is VCF's "no ID"; any other text is one
        assertThat(columns.hasId(0)).isFalse();
        assertThat(columns.hasId(1)).isTrue();
        assertThat(columns.hasId(2)).isTrue();
        assertThat(columns.chrom(1)).isEqualTo("2");
        assertThat(columns.position(2)).isEqualTo(30);
        assertThat(columns.ref(1)).isEqualTo("C");
        assertThat(columns.alt(1)).isEqualTo("T");
    }

    @Test
    void anEmptyListAndAnIndexOutsideIt() {
        VariantColumns empty = new VariantColumns.Builder(0).build();

        assertThat(empty).isEmpty();
        assertThatThrownBy(() -> empty.get(0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("variant 0 of 0");
    }
}
