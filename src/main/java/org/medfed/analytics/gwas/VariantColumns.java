package org.medfed.analytics.gwas;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A hospital's variant list held by column, for the whole of a study: contigs and alleles as the Strings a
 * {@link SharedTexts} table shares, positions as ints, and every ID's UTF-8 bytes in one array. Held as records, the
 * list of 100,000 variants was 300,000 objects (a record, its ID and the ID's bytes) that every young collection of a
 * study copied; here it is a few arrays. A {@link VariantInfo} is made when one is asked for, and lives no longer
 * than the caller needs it.
 */
final class VariantColumns extends AbstractList<VariantInfo> implements RandomAccess {

    private final String[] chrom;
    private final int[] position;
    private final String[] ref;
    private final String[] alt;
    private final byte[] ids;
    /** ID i is {@code ids[idStart[i], idStart[i + 1])}. */
    private final int[] idStart;

    private VariantColumns(Builder b) {
        int n = b.size;
        chrom = Arrays.copyOf(b.chrom, n);
        position = Arrays.copyOf(b.position, n);
        ref = Arrays.copyOf(b.ref, n);
        alt = Arrays.copyOf(b.alt, n);
        ids = Arrays.copyOf(b.ids, b.idLength);
        idStart = Arrays.copyOf(b.idStart, n + 1);
    }

    @Override
    public VariantInfo get(int i) {
        if (i < 0 || i >= chrom.length) {
            throw new IndexOutOfBoundsException("variant " + i + " of " + chrom.length);
        }
        return new VariantInfo(chrom[i], position[i], id(i), ref[i], alt[i]);
    }

    @Override
    public int size() {
        return chrom.length;
    }

    String chrom(int i) {
        return chrom[i];
    }

    int position(int i) {
        return position[i];
    }

    String id(int i) {
        return SharedTexts.unique(ids, idStart[i], idStart[i + 1] - idStart[i]);
    }

    String ref(int i) {
        return ref[i];
    }

    String alt(int i) {
        return alt[i];
    }

    /** The UTF-8 bytes of all the IDs together. */
    int idBytes() {
        return ids.length;
    }

    /** Whether variant i has an ID, that is one other than VCF's "." for none. */
    boolean hasId(int i) {
        int from = idStart[i];
        return !(idStart[i + 1] - from == 1 && ids[from] == '.');
    }

    /** The variants at {@code rows}, in that order (a row may repeat). */
    VariantColumns select(int[] rows) {
        Builder out = new Builder(rows.length);
        for (int r : rows) {
            out.add(this, r);
        }
        return out.build();
    }

    /** {@code variants} by column: itself when it is held so already. */
    static VariantColumns of(List<VariantInfo> variants) {
        if (variants instanceof VariantColumns columns) {
            return columns;
        }
        Builder out = new Builder(variants.size());
        for (VariantInfo v : variants) {
            byte[] id = v.id().getBytes(StandardCharsets.UTF_8);
            out.add(v.chrom(), v.position(), id, 0, id.length, v.ref(), v.alt());
        }
        return out.build();
    }

    /** Collects a list variant by variant; contigs and alleles are kept as given, shared by the caller. */
    static final class Builder {
        private int size;
        private String[] chrom;
        private int[] position;
        private String[] ref;
        private String[] alt;
        private byte[] ids;
        private int idLength;
        private int[] idStart;

        Builder(int expected) {
            int capacity = Math.max(16, expected);
            chrom = new String[capacity];
            position = new int[capacity];
            ref = new String[capacity];
            alt = new String[capacity];
            ids = new byte[capacity * 8];
            idStart = new int[capacity + 1];
        }

        /** Adds a variant whose ID is the UTF-8 text {@code idBytes[from, from + length)}. */
        Builder add(String chrom, int position, byte[] idBytes, int from, int length, String ref, String alt) {
            if (size == this.chrom.length) {
                int capacity = size * 2;
                this.chrom = Arrays.copyOf(this.chrom, capacity);
                this.position = Arrays.copyOf(this.position, capacity);
                this.ref = Arrays.copyOf(this.ref, capacity);
                this.alt = Arrays.copyOf(this.alt, capacity);
                this.idStart = Arrays.copyOf(this.idStart, capacity + 1);
            }
            if (idLength + length > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idLength + length));
            }
            System.arraycopy(idBytes, from, ids, idLength, length);
            idLength += length;
            this.chrom[size] = chrom;
            this.position[size] = position;
            this.ref[size] = ref;
            this.alt[size] = alt;
            size++;
            idStart[size] = idLength;
            return this;
        }

        /** Adds variant {@code i} of {@code from}. */
        Builder add(VariantColumns from, int i) {
            int start = from.idStart[i];
            return add(from.chrom[i], from.position[i], from.ids, start, from.idStart[i + 1] - start, from.ref[i],
                    from.alt[i]);
        }

        VariantColumns build() {
            return new VariantColumns(this);
        }
    }
}
