package org.medfed.data.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.medfed.engine.BadInputException;

/**
 * Builds an {@link ImageDataset} from a hospital's folder: labels from one sub-folder per class, or from a
 * manifest CSV with columns {@code file,label}; optional segmentation masks matched by file name.
 *
 * <p>Class names are sorted alphabetically unless given, so that every hospital numbers classes alike;
 * pass the study's class list explicitly when a hospital may lack a class. Files are visited in sorted
 * order, and the augmentation key of an example is derived from its relative path, so loading is
 * reproducible. Masks: for image {@code .../case7.dcm}, the masks folder must hold {@code case7.png} or
 * {@code case7.dcm} (any non-zero value is foreground; for DICOM the stored value, before rescale).
 */
public final class ImageDatasetLoader {

    private final Preprocessing preprocessing;
    private final Path masks;
    private final List<String> classNames;
    private final Consumer<LoadProgress> progress;
    private final BooleanSupplier cancelled;

    private ImageDatasetLoader(Preprocessing preprocessing, Path masks, List<String> classNames,
            Consumer<LoadProgress> progress, BooleanSupplier cancelled) {
        this.preprocessing = preprocessing;
        this.masks = masks;
        this.classNames = classNames;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    /**
     * @param preprocessing applied to every image
     * @param masks folder of masks, or null for none
     * @param classNames the study's classes in label order, or null to take them from the data (sorted)
     * @param progress told after every file
     * @param cancelled polled before every file; loading stops with a {@link CancellationException}
     */
    public static ImageDatasetLoader create(Preprocessing preprocessing, Path masks, List<String> classNames,
            Consumer<LoadProgress> progress, BooleanSupplier cancelled) {
        return new ImageDatasetLoader(preprocessing, masks, classNames == null ? null : List.copyOf(classNames),
                progress, cancelled);
    }

    public static ImageDatasetLoader create(Preprocessing preprocessing) {
        return create(preprocessing, null, null, p -> { }, () -> false);
    }

    private record Item(Path file, String label, String id) {
    }

    /** One sub-folder per class under root; files in deeper folders belong to their top sub-folder. */
    public ImageDataset fromClassFolders(Path root) {
        if (!Files.isDirectory(root)) {
            throw new BadInputException(root, null, Files.exists(root) ? "is not a folder" : "folder not found");
        }
        List<Item> items = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = root.relativize(p);
                if (rel.getNameCount() < 2 || isHidden(rel)) {
                    continue; // files directly in root (a README, a manifest) are not examples
                }
                items.add(new Item(p, rel.getName(0).toString(), rel.toString().replace('\\', '/')));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(root, null, "could not be listed: " + e.getMessage(), e);
        }
        if (items.isEmpty()) {
            throw new BadInputException(root, null, "has no class sub-folders with images in them "
                    + "(expected for example " + root.getFileName() + "/lesion/*.dcm and "
                    + root.getFileName() + "/no-lesion/*.dcm)");
        }
        return load(items, root);
    }

    /** A CSV with a header naming columns {@code file} and {@code label}; files relative to the CSV's folder. */
    public ImageDataset fromManifest(Path csv) {
        List<Item> items = new ArrayList<>();
        for (ImageManifest.Entry e : ImageManifest.read(csv)) {
            if (!Files.isRegularFile(e.file())) {
                throw new BadInputException(csv, e.line(), "file '" + e.written() + "' not found (looked in "
                        + csv.toAbsolutePath().getParent() + ")");
            }
            items.add(new Item(e.file(), e.label(), e.written()));
        }
        return load(items, csv);
    }

    private ImageDataset load(List<Item> items, Path origin) {
        List<String> names = classNames;
        if (names == null) {
            TreeSet<String> found = new TreeSet<>();
            items.forEach(i -> found.add(i.label()));
            names = List.copyOf(found);
        }
        List<ImageExample> examples = new ArrayList<>();
        int skipped = 0;
        int done = 0;
        for (Item item : items) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("loading " + origin + " cancelled after " + done + " of "
                        + items.size() + " files");
            }
            int label = names.indexOf(item.label());
            if (label < 0) {
                throw new BadInputException(item.file(), null, "its class '" + item.label()
                        + "' is not one of the study's classes " + names);
            }
            Optional<RawImage> image = ImageFiles.tryLoad(item.file());
            if (image.isEmpty()) {
                skipped++;
            } else {
                RawImage mask = masks == null ? null : ImageFiles.loadMask(findMask(item.file()));
                if (mask != null && (mask.height() != image.get().height() || mask.width() != image.get().width())) {
                    throw new BadInputException(findMask(item.file()), null, "the mask is " + mask.height() + " x "
                            + mask.width() + " but its image " + item.file().getFileName() + " is "
                            + image.get().height() + " x " + image.get().width());
                }
                float[][] out = preprocessing.apply(image.get(), mask, item.id().hashCode());
                examples.add(new ImageExample(item.id(), out[0], label, out[1]));
            }
            done++;
            progress.accept(new LoadProgress(done, items.size(), item.file()));
        }
        if (examples.isEmpty()) {
            throw new BadInputException(origin, null, "holds no image that could be read (" + skipped + " file(s) "
                    + "were neither DICOM nor PNG/JPEG)");
        }
        return new ImageDataset(names, preprocessing.channels(), preprocessing.height(), preprocessing.width(),
                examples, skipped);
    }

    private Path findMask(Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        for (String ext : new String[] {".png", ".dcm"}) {
            Path candidate = masks.resolve(stem + ext);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new BadInputException(image, null, "has no mask: expected " + stem + ".png or " + stem + ".dcm in " + masks);
    }

    private static boolean isHidden(Path rel) {
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
