package org.medfed.data.dicom;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.medfed.engine.BadInputException;

/**
 * The text behind {@code medfed inspect FILE.dcm|FOLDER} and its {@code --png} picture.
 *
 * <p>A file report lists the main tags, the transfer syntax, any leniency used while reading, and a pixel
 * summary in modality units; when the pixels cannot be decoded the report says why instead of failing, since
 * the tags are still worth seeing. A file that cannot be read at all is a {@link BadInputException}.
 */
public final class DicomInspector {

    private DicomInspector() {
    }

    /** The report of a file or of a folder (recursive). */
    public static String report(Path fileOrFolder) {
        return report(fileOrFolder, p -> { }, () -> false);
    }

    /** Same, with progress and cancellation for large folders (ignored for a single file). */
    public static String report(Path fileOrFolder, Consumer<DicomFolderScanner.Progress> progress,
            BooleanSupplier cancelled) {
        if (Files.isDirectory(fileOrFolder)) {
            return folderReport(DicomFolderScanner.scan(fileOrFolder, progress, cancelled));
        }
        return fileReport(DicomFile.read(fileOrFolder));
    }

    static String fileReport(DicomFile f) {
        DicomObject ds = f.dataset();
        StringBuilder sb = new StringBuilder();
        line(sb, "File", f.path().getFileName().toString());
        line(sb, "Transfer syntax", f.transferSyntax().describe());
        for (String w : f.warnings()) {
            line(sb, "Note", w);
        }
        tag(sb, "Modality", ds, Tag.Modality);
        tag(sb, "Patient ID", ds, Tag.PatientID);
        tag(sb, "Study date", ds, Tag.StudyDate);
        tag(sb, "Study instance UID", ds, Tag.StudyInstanceUID);
        tag(sb, "Series instance UID", ds, Tag.SeriesInstanceUID);
        tag(sb, "Series description", ds, Tag.SeriesDescription);
        tag(sb, "SOP instance UID", ds, Tag.SOPInstanceUID);
        if (!ds.contains(Tag.PixelData)) {
            line(sb, "Pixels", "none: this " + ds.getString(Tag.Modality, "DICOM") + " object has no pixel data");
            return sb.toString();
        }
        try {
            DicomImage im = DicomImage.of(f);
            PixelFormat fmt = im.format();
            line(sb, "Image", fmt.rows() + " rows x " + fmt.columns() + " columns, " + fmt.frames()
                    + (fmt.frames() == 1 ? " frame, " : " frames, ") + fmt.photometric());
            line(sb, "Bits", fmt.bitsAllocated() + " allocated, " + fmt.bitsStored() + " stored, high bit "
                    + fmt.highBit() + ", " + (fmt.signed() ? "signed" : "unsigned"));
            double[] spacing = ds.getDoubles(Tag.PixelSpacing);
            if (spacing.length == 2) {
                line(sb, "Pixel spacing", num(spacing[0]) + " x " + num(spacing[1]) + " mm");
            }
            tag(sb, "Slice thickness (mm)", ds, Tag.SliceThickness);
            line(sb, "Rescale", "slope " + num(fmt.rescaleSlope()) + ", intercept " + num(fmt.rescaleIntercept()));
            line(sb, "Window", im.fileWindow().map(w -> w + " (from the file)")
                    .orElse("none in the file (pictures use the minimum and maximum)"));
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            long n = 0;
            for (int i = 0; i < im.frameCount(); i++) {
                for (float v : im.frame(i)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                    n++;
                }
            }
            line(sb, "Pixel values", "min " + num(min) + ", max " + num(max) + ", mean "
                    + String.format(Locale.ROOT, "%.2f", sum / n) + (im.channels() == 3 ? " (RGB)" : " (after rescale)"));
        } catch (BadInputException e) {
            line(sb, "Pixels", "cannot be decoded: " + e.problem()
                    + (e.location() == null ? "" : " [" + e.location() + "]"));
        }
        return sb.toString();
    }

    static String folderReport(DicomFolderScanner.Result r) {
        StringBuilder sb = new StringBuilder();
        line(sb, "Folder", r.root().toString());
        line(sb, "DICOM files read", Integer.toString(r.files().size()));
        // named, a few of them: "3" alone leaves the user to guess which files were passed over
        List<String> names = r.notDicom().stream().limit(5).map(f -> r.root().relativize(f).toString()).toList();
        line(sb, "Non-DICOM files skipped", r.skippedNotDicom() + (names.isEmpty() ? "" : " (" + String.join(", ", names)
                + (r.skippedNotDicom() > names.size() ? ", ..." : "") + ")"));
        line(sb, "Unreadable DICOM files", Integer.toString(r.failures().size()));
        for (DicomFolderScanner.Failure failure : r.failures()) {
            sb.append("  - ").append(r.root().relativize(failure.path())).append(": ")
                    .append(failure.problem()).append('\n');
        }
        line(sb, "Series", Integer.toString(r.series().size()));
        for (DicomFolderScanner.Series s : r.series()) {
            DicomObject first = s.files().get(0).header().dataset();
            sb.append("  - ").append(s.seriesInstanceUid()).append(": ")
                    .append(s.modality().isEmpty() ? "?" : s.modality());
            if (!s.description().isEmpty()) {
                sb.append(" \"").append(s.description()).append('"');
            }
            sb.append(", ").append(s.files().size()).append(s.files().size() == 1 ? " file" : " files");
            String rows = first.getString(Tag.Rows);
            String cols = first.getString(Tag.Columns);
            if (rows != null && cols != null) {
                sb.append(", ").append(rows).append(" x ").append(cols);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Writes frame 0 as a PNG through the window (null: the file's window, else min/max). */
    public static void writePng(Path in, Path png, Window window) {
        writePng(in, png, window, 0);
    }

    public static void writePng(Path in, Path png, Window window, int frame) {
        DicomImage im = DicomImage.read(in);
        if (frame < 0 || frame >= im.frameCount()) {
            throw new BadInputException(in, null, "has " + im.frameCount() + " frame(s); frame " + (frame + 1)
                    + " was asked for");
        }
        BufferedImage img = im.toImage(frame, window == null ? im.defaultWindow(frame) : window);
        try {
            Path parent = png.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (!ImageIO.write(img, "png", png.toFile())) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + png, e);
        }
    }

    private static void tag(StringBuilder sb, String label, DicomObject ds, int tag) {
        String[] v = ds.getStrings(tag);
        if (v.length > 0 && !String.join("", v).isEmpty()) {
            line(sb, label, String.join(" \\ ", v));
        }
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, "%-25s %s%n", label + ":", value));
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+$", "");
    }
}
