package org.medfed.data.dicom;

/** Small in-memory datasets for tests, built with the writer's builder. */
final class SyntheticImages {

    private SyntheticImages() {
    }

    static DicomObject.Builder header(int rows, int columns, int frames, int spp, int bits, boolean signed,
            String photometric) {
        DicomObject.Builder b = DicomObject.builder()
                .putString(Tag.SOPClassUID, Vr.UI, "1.2.840.10008.5.1.4.1.1.7")
                .putString(Tag.SOPInstanceUID, Vr.UI, Uids.fromName("test " + rows + "x" + columns))
                .putString(Tag.Modality, Vr.CS, "OT")
                .putString(Tag.PatientID, Vr.LO, "TEST-1")
                .putInt(Tag.SamplesPerPixel, Vr.US, spp)
                .putString(Tag.PhotometricInterpretation, Vr.CS, photometric)
                .putInt(Tag.Rows, Vr.US, rows)
                .putInt(Tag.Columns, Vr.US, columns)
                .putInt(Tag.BitsAllocated, Vr.US, bits)
                .putInt(Tag.BitsStored, Vr.US, bits)
                .putInt(Tag.HighBit, Vr.US, bits - 1)
                .putInt(Tag.PixelRepresentation, Vr.US, signed ? 1 : 0);
        if (frames > 1) {
            b.putString(Tag.NumberOfFrames, Vr.IS, Integer.toString(frames));
        }
        return b;
    }

    /** 16-bit samples, little endian. */
    static byte[] le16(int... values) {
        byte[] b = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            b[2 * i] = (byte) values[i];
            b[2 * i + 1] = (byte) (values[i] >> 8);
        }
        return b;
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
