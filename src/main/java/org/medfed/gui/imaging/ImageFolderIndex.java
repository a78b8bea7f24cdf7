package org.medfed.gui.imaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.medfed.data.dicom.DicomFile;
import org.medfed.data.dicom.DicomFolderScanner;
import org.medfed.data.dicom.NotDicomException;
import org.medfed.data.image.ImageManifest;
import org.medfed.engine.BadInputException;
import org.medfed.project.ImagingSection;

/**
 * Which DICOM files a hospital's folder holds and the class of each, read from the headers only: the class is
 * the sub-folder under {@code images} (class folders) or the label in the manifest, as the study reads them.
 * Files that are not DICOM are counted; damaged ones are listed with the reason, naming the file.
 */
public final class ImageFolderIndex {

    /** A DICOM file and its class. */
    public record Item(Path path, String className) {
    }

    /**
     * @param items DICOM files in path (or manifest) order
     * @param counts images per class, classes sorted
     * @param skippedNotDicom files that are not DICOM
     * @param problems damaged files, each "file: what is wrong"
     */
    public record Result(List<Item> items, Map<String, Integer> counts, int skippedNotDicom, List<String> problems) {
    }

    private ImageFolderIndex() {
    }

    /**
     * @param progress told after every file: files looked at, and how many there are
     * @param cancelled polled before every file; the scan then stops with a {@link CancellationException}
     */
    public static Result scan(Path hospitalFolder, ImagingSection settings, Consumer<DicomFolderScanner.Progress> progress,
                              BooleanSupplier cancelled) {
        if (!Files.isDirectory(hospitalFolder)) {
            throw new BadInputException(hospitalFolder, null, Files.exists(hospitalFolder)
                    ? "is not a folder: an imaging study takes each hospital's folder of images" : "folder not found");
        }
        if (settings.source().equals(ImagingSection.MANIFEST)) {
            return fromManifest(hospitalFolder.resolve(settings.manifest()), progress, cancelled);
        }
        Path root = hospitalFolder.resolve(settings.images());
        if (!Files.isDirectory(root)) {
            throw new BadInputException(hospitalFolder, null, "has no '" + settings.images() + "' folder; with class "
                    + "folders the images go in " + settings.images() + "/<class>/..., for example " + settings.images()
                    + "/lesion/case1.dcm");
        }
        DicomFolderScanner.Result scan = DicomFolderScanner.scan(root, progress, cancelled);
        List<Item> items = new ArrayList<>();
        int outside = 0;
        for (DicomFolderScanner.Entry e : scan.files()) {
            Path rel = root.relativize(e.path());
            if (rel.getNameCount() < 2) {
                outside++; // as the study reads them: files beside the class folders are not examples
                continue;
            }
            items.add(new Item(e.path(), rel.getName(0).toString()));
        }
        List<String> problems = new ArrayList<>();
        scan.failures().forEach(f -> problems.add(root.relativize(f.path()) + ": " + f.problem()));
        if (outside > 0) {
            problems.add(outside + " DICOM file(s) directly in " + root + " belong to no class folder and are not used");
        }
        return finish(items, scan.skippedNotDicom(), problems, root);
    }

    private static Result fromManifest(Path csv, Consumer<DicomFolderScanner.Progress> progress, BooleanSupplier cancelled) {
        Map<Path, String> listed = new LinkedHashMap<>();
        ImageManifest.read(csv).forEach(e -> listed.put(e.file(), e.label()));
        List<Item> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int skipped = 0;
        int done = 0;
        for (Map.Entry<Path, String> e : listed.entrySet()) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled after " + done + " of " + listed.size() + " files");
            }
            Path p = e.getKey();
            if (!Files.isRegularFile(p)) {
                problems.add(csv.getFileName() + " lists " + p + ", which is not there");
            } else {
                try {
                    DicomFile.readHeader(p);
                    items.add(new Item(p, e.getValue()));
                } catch (NotDicomException notDicom) {
                    skipped++;
                } catch (BadInputException bad) {
                    problems.add(bad.getMessage());
                }
            }
            done++;
            progress.accept(new DicomFolderScanner.Progress(done, listed.size(), p));
        }
        return finish(items, skipped, problems, csv);
    }

    private static Result finish(List<Item> items, int skipped, List<String> problems, Path where) {
        Map<String, Integer> counts = new TreeMap<>();
        items.forEach(i -> counts.merge(i.className(), 1, Integer::sum));
        if (items.isEmpty()) {
            String why = problems.isEmpty() ? "" : "; first problem: " + problems.get(0);
            throw new BadInputException(where, null, "holds no DICOM image that could be read (" + skipped
                    + " file(s) were not DICOM" + why + ")");
        }
        return new Result(List.copyOf(items), java.util.Collections.unmodifiableMap(counts), skipped, List.copyOf(problems));
    }
}
