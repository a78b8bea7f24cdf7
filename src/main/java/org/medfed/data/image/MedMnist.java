package org.medfed.data.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfed.engine.BadInputException;

/**
 * MedMNIST {@code .npz} files (such as BreastMNIST): {@code <split>_images} of shape (N, H, W) or
 * (N, H, W, 3), uint8, and {@code <split>_labels} of shape (N) or (N, 1).
 */
public final class MedMnist {

    /** BreastMNIST's labels: 0 malignant, 1 normal or benign (MedMNIST v2). */
    public static final List<String> BREAST_CLASSES = List.of("malignant", "normal-or-benign");

    private MedMnist() {
    }

    /**
     * One split ("train", "val" or "test") as a dataset; raw values are 0..255, so use
     * {@link Windowing#none()} with, for example, {@code Normalisation.fixed(0, 255)} for [0, 1].
     */
    public static ImageDataset load(Path npz, String split, List<String> classNames, Preprocessing preprocessing) {
        Map<String, NpyArray> arrays = NpzReader.read(npz);
        NpyArray images = arrays.get(split + "_images");
        NpyArray labels = arrays.get(split + "_labels");
        if (images == null || labels == null) {
            throw new BadInputException(npz, null, "has no arrays '" + split + "_images' and '" + split
                    + "_labels'; it holds " + arrays.keySet());
        }
        int[] s = images.shape();
        if ((s.length != 3 && !(s.length == 4 && s[3] == 3)) || !images.dtype().endsWith("u1")) {
            throw new BadInputException(npz, "entry " + split + "_images", "expected uint8 images of shape (N, H, W) "
                    + "or (N, H, W, 3), found " + images.dtype() + " " + java.util.Arrays.toString(s));
        }
        int n = s[0];
        int h = s[1];
        int w = s[2];
        int channels = s.length == 4 ? 3 : 1;
        if (labels.size() != n) {
            throw new BadInputException(npz, "entry " + split + "_labels", "has " + labels.size() + " labels for "
                    + n + " images");
        }
        byte[] raw = images.data();
        int per = h * w * channels;
        List<ImageExample> examples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] v = new float[per];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < channels; c++) {
                        // npy is (H, W, C) interleaved; examples are planar (C, H, W)
                        v[c * h * w + y * w + x] = raw[i * per + (y * w + x) * channels + c] & 0xFF;
                    }
                }
            }
            int label = (int) labels.get(i);
            if (label < 0 || label >= classNames.size()) {
                throw new BadInputException(npz, "entry " + split + "_labels[" + i + "]", "label " + label
                        + " is outside the " + classNames.size() + " classes " + classNames);
            }
            float[] x = preprocessing.apply(new RawImage(v, channels, h, w, null), (long) i);
            examples.add(new ImageExample(split + "[" + i + "]", x, label, null));
        }
        return new ImageDataset(classNames, preprocessing.channels(), preprocessing.height(), preprocessing.width(),
                examples, 0);
    }
}
