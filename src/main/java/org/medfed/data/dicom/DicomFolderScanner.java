package org.medfed.data.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.medfed.engine.BadInputException;

/**
 * Finds the DICOM files in a folder and its sub-folders, reading only their headers. Files that are not
 * DICOM are skipped and counted; damaged DICOM files are listed with the reason. Files are visited in
 * sorted path order, so two scans of the same folder give the same result.
 */
public final class DicomFolderScanner {

    /** Progress after each file: how many of how many, and which file was just looked at. */
    public record Progress(int done, int total, Path current) {
    }

    /** A DICOM file found, with its header (pixel data not loaded). */
    public record Entry(Path path, DicomFile header) {
    }

    /** A file that looked like DICOM but could not be read, and why (worded for the user). */
    public record Failure(Path path, String problem) {
    }

    /** The files of one series. */
    public record Series(String seriesInstanceUid, String modality, String description, List<Entry> files) {
    }

    /**
     * What a scan found.
     *
     * @param root the folder scanned
     * @param files DICOM files read, in path order
     * @param notDicom files that are not DICOM (skipped), in path order
     * @param failures DICOM files that could not be read
     */
    public record Result(Path root, List<Entry> files, List<Path> notDicom, List<Failure> failures) {

        public Result {
            files = List.copyOf(files);
            notDicom = List.copyOf(notDicom);
            failures = List.copyOf(failures);
        }

        public int skippedNotDicom() {
            return notDicom.size();
        }

        /** Files grouped by SeriesInstanceUID, series in order of their first file. */
        public List<Series> series() {
            Map<String, List<Entry>> groups = new LinkedHashMap<>();
            for (Entry e : files) {
                String uid = e.header().dataset().getString(Tag.SeriesInstanceUID, "(no series UID)");
                groups.computeIfAbsent(uid, k -> new ArrayList<>()).add(e);
            }
            List<Series> out = new ArrayList<>();
            groups.forEach((uid, list) -> {
                DicomObject first = list.get(0).header().dataset();
                out.add(new Series(uid, first.getString(Tag.Modality, ""), first.getString(Tag.SeriesDescription, ""),
                        List.copyOf(list)));
            });
            return out;
        }
    }

    private DicomFolderScanner() {
    }

    public static Result scan(Path root) {
        return scan(root, p -> { }, () -> false);
    }

    /**
     * Scans a folder recursively.
     *
     * @param progress told after every file (on the calling thread)
     * @param cancelled polled before every file; when it turns true the scan stops with a
     *        {@link CancellationException}
     */
    public static Result scan(Path root, Consumer<Progress> progress, BooleanSupplier cancelled) {
        if (!Files.isDirectory(root)) {
            throw new BadInputException(root, null, Files.exists(root) ? "is not a folder" : "folder not found");
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(root, null, "could not be listed: " + e.getMessage(), e);
        }
        List<Entry> files = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        int done = 0;
        for (Path p : paths) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("scan of " + root + " cancelled after " + done + " of "
                        + paths.size() + " files");
            }
            try {
                files.add(new Entry(p, DicomFile.readHeader(p)));
            } catch (NotDicomException e) {
                if (DicomFile.namedAsDicom(p)) {
                    failures.add(new Failure(p, e.problem()));
                } else {
                    skipped.add(p);
                }
            } catch (BadInputException e) {
                failures.add(new Failure(p, e.location() == null ? e.problem() : e.location() + ": " + e.problem()));
            }
            done++;
            progress.accept(new Progress(done, paths.size(), p));
        }
        return new Result(root, files, skipped, failures);
    }
}
