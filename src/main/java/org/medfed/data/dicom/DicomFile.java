package org.medfed.data.dicom;

import java.nio.file.Path;
import java.util.List;

/**
 * A DICOM file as read: its file meta information (empty for a file without one), its dataset, the
 * transfer syntax the dataset was read with, and any leniency applied while reading.
 *
 * @param path the file
 * @param meta group 0002 (empty when the file has none)
 * @param dataset everything after the file meta
 * @param transferSyntax how the dataset is encoded and its pixel data compressed
 * @param pixelDataSkipped true when read with {@link #readHeader(Path)} and the file has pixel data
 * @param warnings what was unusual and how it was read anyway (empty for a well-formed file)
 */
public record DicomFile(Path path, DicomObject meta, DicomObject dataset, TransferSyntax transferSyntax,
        boolean pixelDataSkipped, List<String> warnings) {

    public DicomFile {
        warnings = List.copyOf(warnings);
    }

    /** Reads the whole file, pixel data included. Throws a {@code BadInputException} naming the problem. */
    public static DicomFile read(Path path) {
        return new DicomReader(path, false).read();
    }

    /** Reads the file up to its pixel data, which is not loaded: for scanning folders quickly. */
    public static DicomFile readHeader(Path path) {
        return new DicomReader(path, true).read();
    }

    /**
     * Whether the file's name says it is DICOM (.dcm, .dicom): such a file that cannot be read as DICOM is a problem
     * to report, not a stray file to pass over. Many archives write DICOM without an extension, so the reverse does
     * not hold.
     */
    public static boolean namedAsDicom(Path path) {
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".dcm") || name.endsWith(".dicom");
    }

    public boolean hasPixelData() {
        return pixelDataSkipped || dataset.contains(Tag.PixelData);
    }

    /** Shortcut for {@code dataset().getString(tag)}. */
    public String getString(int tag) {
        return dataset.getString(tag);
    }
}
