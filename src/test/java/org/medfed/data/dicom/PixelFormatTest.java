package org.medfed.data.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.medfed.engine.BadInputException;
import org.junit.jupiter.api.Test;

/** Bit masking and sign extension, against values worked out by hand. */
class PixelFormatTest {

    private static PixelFormat format(int allocated, int stored, int highBit, boolean signed) {
        return new PixelFormat(1, 1, 1, allocated, stored, highBit, signed, "MONOCHROME2", 0, 1, 1, 0);
    }

    @Test
    void unsignedTwelveBitsDropTheOverlayBitsAbove() {
        PixelFormat f = format(16, 12, 11, false);
        assertThat(f.storedValue(0xF123)).isEqualTo(0x123); // top nibble is overlay data
        assertThat(f.storedValue(0x0FFF)).isEqualTo(4095);
    }

    @Test
    void signedTwelveBitsAreSignExtended() {
        PixelFormat f = format(16, 12, 11, true);
        assertThat(f.storedValue(0x0FFF)).isEqualTo(-1);
        assertThat(f.storedValue(0x0800)).isEqualTo(-2048);
        assertThat(f.storedValue(0x07FF)).isEqualTo(2047);
        assertThat(f.storedValue(0xF7FF)).isEqualTo(2047);
        assertThat(f.minStoredValue()).isEqualTo(-2048);
        assertThat(f.maxStoredValue()).isEqualTo(2047);
    }

    @Test
    void aHighBitAboveTheStoredBitsShiftsTheValueDown() {
        // 12 bits stored in bits 4..15: 0xABC0 holds 0xABC
        assertThat(format(16, 12, 15, false).storedValue(0xABC0)).isEqualTo(0xABC);
        // signed: 0xFFF0 holds -1
        assertThat(format(16, 12, 15, true).storedValue(0xFFF0)).isEqualTo(-1);
    }

    @Test
    void fullWidthValuesPassThrough() {
        assertThat(format(16, 16, 15, true).storedValue(0xFFFF)).isEqualTo(-1);
        assertThat(format(16, 16, 15, false).storedValue(0xFFFF)).isEqualTo(65535);
        assertThat(format(8, 8, 7, true).storedValue(0x80)).isEqualTo(-128);
        assertThat(format(32, 32, 31, true).storedValue(0xFFFFFFFFL)).isEqualTo(-1);
    }

    @Test
    void rescaleAppliesSlopeThenIntercept() {
        PixelFormat f = new PixelFormat(1, 1, 1, 16, 12, 11, false, "MONOCHROME2", 0, 1, 0.5, -1024);
        assertThat(f.rescale(2048)).isEqualTo(0.0);
        assertThat(f.rescale(100)).isEqualTo(-974.0);
    }

    @Test
    void impossibleDescriptionsNameTheAttribute() {
        DicomObject ds = DicomObject.builder().putInt(Tag.Rows, Vr.US, 4).putInt(Tag.Columns, Vr.US, 4)
                .putInt(Tag.BitsAllocated, Vr.US, 16).putInt(Tag.BitsStored, Vr.US, 17).build();
        assertThatThrownBy(() -> PixelFormat.of(ds)).isInstanceOf(BadInputException.class)
                .hasMessage("tag (0028,0101) BitsStored: expected 1 to 16 (BitsAllocated), found 17");
        DicomObject noBits = DicomObject.builder().putInt(Tag.Rows, Vr.US, 4).putInt(Tag.Columns, Vr.US, 4).build();
        assertThatThrownBy(() -> PixelFormat.of(noBits)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("(0028,0100) BitsAllocated").hasMessageContaining("missing");
    }
}
