package org.medfed.gui.imaging;

import java.util.List;
import org.medfed.project.ImagingSection;

/** An imaging section being edited: its settings as plain fields, copied back into a new record. */
final class ImagingDraft {

    String source;
    String task;
    String images;
    String manifest;
    String masks;
    List<String> classes;
    String window;
    Double windowCenter;
    Double windowWidth;
    List<Integer> size;
    Integer channels;
    String normalisation;
    Double mean;
    Double std;
    ImagingSection.AugmentationSection augmentation;
    Double trainFraction;
    Long splitSeed;

    static ImagingDraft of(ImagingSection s) {
        ImagingDraft d = new ImagingDraft();
        d.source = s.source();
        d.task = s.task();
        d.images = s.images();
        d.manifest = s.manifest();
        d.masks = s.masks();
        d.classes = s.classes();
        d.window = s.window();
        d.windowCenter = s.windowCenter();
        d.windowWidth = s.windowWidth();
        d.size = s.size();
        d.channels = s.channels();
        d.normalisation = s.normalisation();
        d.mean = s.mean();
        d.std = s.std();
        d.augmentation = s.augmentation();
        d.trainFraction = s.trainFraction();
        d.splitSeed = s.splitSeed();
        return d;
    }

    ImagingSection build() {
        return new ImagingSection(source, task, images, manifest, masks, classes, window, windowCenter, windowWidth, size,
                channels, normalisation, mean, std, augmentation, trainFraction, splitSeed);
    }
}
