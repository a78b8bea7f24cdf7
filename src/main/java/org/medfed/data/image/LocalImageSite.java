package org.medfed.data.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.data.ExampleSet;
import org.medfed.data.TrainTestSplit;
import org.medfed.engine.BadInputException;

/**
 * One hospital's prepared images, where they are (in a simulation, or at the hospital's node): it summarises them
 * for the agreement on classes and, once the classes are agreed, splits and augments them into the examples its
 * model trains and is tested on. A simulation and a node run this same code, so both give the same examples.
 */
public final class LocalImageSite {

    private final String name;
    private final Path origin;
    private final ImageDataset images;

    /**
     * @param name   the hospital's name in the study
     * @param origin the folder the images came from, named in errors
     * @param images the hospital's images, prepared (windowed, resized, normalised)
     */
    public LocalImageSite(String name, Path origin, ImageDataset images) {
        this.name = name;
        this.origin = origin;
        this.images = images;
    }

    public String name() {
        return name;
    }

    /**
     * The classes found and the images per class; a count from 1 to {@code minimumCount - 1} is withheld (the class
     * name is still given: the others need it to number the classes alike).
     */
    public ImageSummary summary(int minimumCount) {
        int[] counts = images.classCounts();
        Map<String, Integer> perClass = new LinkedHashMap<>();
        List<String> withheld = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            String className = images.classNames().get(c);
            if (counts[c] > 0 && counts[c] < minimumCount) {
                withheld.add(className);
            } else {
                perClass.put(className, counts[c]);
            }
        }
        return new ImageSummary(images.classNames(), perClass, withheld, minimumCount, images.skippedFiles(),
                List.of(images.channels(), images.height(), images.width()));
    }

    /** The training and test examples, labelled by the agreed classes. */
    public EncodedImages encode(List<String> classes, ImageSplitPlan plan) {
        int n = images.size();
        float[][] x = new float[n][];
        float[][] masks = plan.segmentation() ? new float[n][] : null;
        int[] y = new int[n];
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ImageExample e = images.examples().get(i);
            x[i] = e.pixels();
            // a hospital numbers its own classes; the study's numbering is by name
            y[i] = classes.indexOf(images.classNames().get(e.label()));
            if (y[i] < 0) {
                throw new BadInputException(origin, null, "holds images of class '"
                        + images.classNames().get(e.label()) + "', which is not one of the study's classes " + classes);
            }
            ids[i] = e.id();
            if (masks != null) {
                masks[i] = e.mask();
            }
        }
        if (n < 2) {
            throw new BadInputException(origin, null, "holds " + n + " image; at least 2 are needed to train and test");
        }
        int[] shape = {images.channels(), images.height(), images.width()};
        ExampleSet all = new ExampleSet(shape, x, y, classes.size(), masks);
        TrainTestSplit split = TrainTestSplit.of(y, classes.size(), plan.trainFraction(), plan.splitSeed(), true);
        if (split.train().length == 0 || split.test().length == 0) {
            throw new BadInputException(origin, null, "holds " + n + " images: too few for a train/test split at "
                    + "trainFraction " + plan.trainFraction());
        }
        ExampleSet train = augment(plan.copies(), all.subset(split.train()), Arrays.stream(split.train())
                .mapToObj(i -> ids[i]).toArray(String[]::new));
        String note = images.skippedFiles() == 0 ? "" : images.skippedFiles() + " non-image files skipped";
        if (train.size() > split.train().length) {
            note = (note.isEmpty() ? "" : note + "; ") + split.train().length + " training images + "
                    + (train.size() - split.train().length) + " augmented copies";
        }
        return new EncodedImages(train, all.subset(split.test()), note);
    }

    /** The training images followed by the augmented copies, copy by copy, in the same order. */
    private static ExampleSet augment(List<Augmentation> copies, ExampleSet train, String[] ids) {
        if (copies.isEmpty()) {
            return train;
        }
        int n = train.size();
        int[] s = train.inputShape();
        int total = n * (1 + copies.size());
        float[][] x = Arrays.copyOf(train.inputs(), total);
        int[] y = Arrays.copyOf(train.labels(), total);
        float[][] m = train.masks() == null ? null : Arrays.copyOf(train.masks(), total);
        for (int c = 1; c <= copies.size(); c++) {
            Augmentation aug = copies.get(c - 1);
            for (int i = 0; i < n; i++) {
                // keyed by the file's path, so a copy does not depend on the loading order or the split
                float[][] t = aug.applyTo(train.inputs()[i], m == null ? null : train.masks()[i], s[0], s[1], s[2],
                        ids[i].hashCode());
                x[c * n + i] = t[0];
                y[c * n + i] = train.labels()[i];
                if (m != null) {
                    m[c * n + i] = t[1];
                }
            }
        }
        return new ExampleSet(s, x, y, train.classCount(), m);
    }
}
