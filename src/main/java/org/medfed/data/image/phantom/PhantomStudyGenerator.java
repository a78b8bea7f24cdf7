package org.medfed.data.image.phantom;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.medfed.data.dicom.DicomObject;
import org.medfed.data.dicom.DicomWriter;
import org.medfed.data.dicom.Tag;
import org.medfed.data.dicom.Uids;
import org.medfed.data.dicom.Vr;

/**
 * Writes a synthetic multi-hospital imaging study with known ground truth: per hospital, DICOM Part 10 files
 * (explicit VR little endian, MONOCHROME2, 16 bits allocated / 12 stored) of phantom slices with or without
 * a lesion (label = lesion present), a PNG lesion mask per image, a manifest and a ground-truth CSV.
 *
 * <pre>
 * out/README.md
 * out/hospital-a/images/lesion/hospital-a-003.dcm      out/hospital-a/masks/hospital-a-003.png
 * out/hospital-a/images/no-lesion/hospital-a-001.dcm   out/hospital-a/masks/hospital-a-001.png (all zero)
 * out/hospital-a/manifest.csv       file,label (files relative to the hospital folder)
 * out/hospital-a/ground-truth.csv   file,mask,label,lesion_row,lesion_column,lesion_radius_px,lesion_pixels
 * </pre>
 *
 * <p>Everything follows from the seed: each hospital draws from its own SplitMix64 stream seeded by the study
 * seed and the hospital name, Gaussian noise uses Box-Muller with StrictMath, and UIDs are name-based under
 * 2.25, so the same seed writes byte-identical DICOM files on any machine.
 */
public final class PhantomStudyGenerator {

    public static final int DEFAULT_IMAGES_PER_HOSPITAL = 40;
    private static final String MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";
    private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    private static final int MAX_STORED = 4095;

    private PhantomStudyGenerator() {
    }

    /**
     * Four MR sites that differ as real scanners do: intensity scale and offset, noise, matrix size and
     * pixel spacing, and lesion prevalence.
     */
    public static List<ScannerProfile> defaultHospitals() {
        return List.of(
                new ScannerProfile("hospital-a", "Hospital A", "MR", 48, 4.0, 1.0, 0, 6, 0.5),
                new ScannerProfile("hospital-b", "Hospital B", "MR", 40, 4.8, 1.8, 150, 14, 0.35),
                new ScannerProfile("hospital-c", "Hospital C", "MR", 48, 4.0, 0.6, 40, 4, 0.6),
                new ScannerProfile("hospital-d", "Hospital D", "MR", 32, 6.0, 1.3, 300, 20, 0.45));
    }

    /** The default hospitals, {@value #DEFAULT_IMAGES_PER_HOSPITAL} images each. */
    public static PhantomStudy generate(Path outDir, long seed) {
        return generate(outDir, seed, defaultHospitals(), DEFAULT_IMAGES_PER_HOSPITAL);
    }

    public static PhantomStudy generate(Path outDir, long seed, List<ScannerProfile> hospitals, int imagesPerHospital) {
        if (imagesPerHospital < 1) {
            throw new IllegalArgumentException("at least one image per hospital");
        }
        try {
            Files.createDirectories(outDir);
            List<PhantomStudy.Hospital> written = new ArrayList<>();
            for (ScannerProfile p : hospitals) {
                written.add(writeHospital(outDir, seed, p, imagesPerHospital));
            }
            Files.writeString(outDir.resolve("README.md"), readme(seed, hospitals, imagesPerHospital),
                    StandardCharsets.UTF_8);
            return new PhantomStudy(outDir, seed, written);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the phantom study to " + outDir, e);
        }
    }

    /**
     * One image as the scanner produced it, before writing.
     *
     * @param name file name stem, such as "hospital-a-007"
     * @param lesion true when the image has a lesion (its label)
     * @param anatomy the phantom and its lesion mask
     * @param stored the stored pixel values written to the DICOM file, row-major
     */
    public record Rendered(String name, boolean lesion, PhantomAnatomy anatomy, int[] stored) {
    }

    /** The images of one hospital, in file order, exactly as {@link #generate} writes them. */
    public static List<Rendered> render(long seed, ScannerProfile p, int n) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + p.hospital().hashCode());
        boolean[] labels = labels(rnd, n, p.lesionFraction());
        List<Rendered> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = String.format(Locale.ROOT, "%s-%03d", p.hospital(), i + 1);
            PhantomAnatomy a = PhantomAnatomy.draw(rnd, p.size(), labels[i], p.modality());
            out.add(new Rendered(name, labels[i], a, scan(a, p, rnd)));
        }
        return out;
    }

    private static PhantomStudy.Hospital writeHospital(Path out, long seed, ScannerProfile p, int n) throws IOException {
        Path folder = out.resolve(p.hospital());
        Path images = folder.resolve("images");
        Path masks = folder.resolve("masks");
        Files.createDirectories(images.resolve("lesion"));
        Files.createDirectories(images.resolve("no-lesion"));
        Files.createDirectories(masks);
        List<PhantomStudy.Case> cases = new ArrayList<>();
        StringBuilder manifest = new StringBuilder("file,label\n");
        StringBuilder truth = new StringBuilder("file,mask,label,lesion_row,lesion_column,lesion_radius_px,lesion_pixels\n");
        List<Rendered> rendered = render(seed, p, n);
        for (int i = 0; i < n; i++) {
            Rendered r = rendered.get(i);
            PhantomAnatomy a = r.anatomy();
            String cls = r.lesion() ? "lesion" : "no-lesion";
            String file = "images/" + cls + "/" + r.name() + ".dcm";
            String mask = "masks/" + r.name() + ".png";
            DicomWriter.write(folder.resolve(file), dataset(seed, p, i, r.name(), r.stored()));
            writeMask(folder.resolve(mask), a);
            PhantomStudy.Case c = new PhantomStudy.Case(file, mask, r.lesion() ? 1 : 0, a.lesionRow(),
                    a.lesionColumn(), a.lesionRadius(), a.lesionPixels());
            cases.add(c);
            manifest.append(file).append(',').append(cls).append('\n');
            truth.append(String.format(Locale.ROOT, "%s,%s,%d,%s,%s,%.3f,%d%n", file, mask, c.label(),
                    Double.isNaN(c.lesionRow()) ? "" : String.format(Locale.ROOT, "%.3f", c.lesionRow()),
                    Double.isNaN(c.lesionColumn()) ? "" : String.format(Locale.ROOT, "%.3f", c.lesionColumn()),
                    c.lesionRadius(), c.lesionPixels()));
        }
        Path manifestFile = folder.resolve("manifest.csv");
        Files.writeString(manifestFile, manifest, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("ground-truth.csv"), truth, StandardCharsets.UTF_8);
        return new PhantomStudy.Hospital(p, folder, images, masks, manifestFile, cases);
    }

    /** Exactly round(n * fraction) lesion labels, in a seeded random order (Fisher-Yates). */
    private static boolean[] labels(SplittableRandom rnd, int n, double fraction) {
        boolean[] labels = new boolean[n];
        int positives = (int) Math.round(n * fraction);
        for (int i = 0; i < positives; i++) {
            labels[i] = true;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            boolean t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        return labels;
    }

    /** The scanner's stored values: gain, offset, Gaussian noise, 12-bit clamp (CT: HU + 1024 first). */
    static int[] scan(PhantomAnatomy a, ScannerProfile p, SplittableRandom rnd) {
        float[] t = a.tissue();
        int[] out = new int[t.length];
        double base = p.modality().equals("CT") ? 1024 : 0;
        for (int i = 0; i < t.length; i++) {
            double v = p.gain() * t[i] + p.offset() + base + p.noiseSigma() * gaussian(rnd);
            out[i] = (int) Math.max(0, Math.min(MAX_STORED, Math.round(v)));
        }
        return out;
    }

    /** Box-Muller with StrictMath, so the noise is the same on every JVM. */
    private static double gaussian(SplittableRandom rnd) {
        double u1 = 1.0 - rnd.nextDouble(); // (0, 1]
        double u2 = rnd.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    private static DicomObject dataset(long seed, ScannerProfile p, int index, String name, int[] stored) {
        String key = "medfed-phantom:" + seed + ":" + p.hospital() + ":" + index;
        boolean ct = p.modality().equals("CT");
        byte[] px = new byte[stored.length * 2];
        for (int i = 0; i < stored.length; i++) {
            px[2 * i] = (byte) stored[i];
            px[2 * i + 1] = (byte) (stored[i] >> 8);
        }
        String id = name.toUpperCase(Locale.ROOT);
        String spacing = fmt(p.pixelSpacingMm());
        DicomObject.Builder b = DicomObject.builder()
                .putString(Tag.ImageType, Vr.CS, "ORIGINAL", "PRIMARY", "AXIAL")
                .putString(Tag.SOPClassUID, Vr.UI, ct ? CT_IMAGE_STORAGE : MR_IMAGE_STORAGE)
                .putString(Tag.SOPInstanceUID, Vr.UI, Uids.fromName(key + ":instance"))
                .putString(Tag.StudyDate, Vr.DA, "20240101")
                .putString(Tag.StudyTime, Vr.TM, "120000")
                .putString(Tag.AccessionNumber, Vr.SH, "")
                .putString(Tag.Modality, Vr.CS, p.modality())
                .putString(Tag.Manufacturer, Vr.LO, "MedFed phantom")
                .putString(Tag.InstitutionName, Vr.LO, p.institution())
                .putString(Tag.ReferringPhysicianName, Vr.PN, "")
                .putString(Tag.SeriesDescription, Vr.LO, "Phantom axial slice")
                .putString(Tag.PatientName, Vr.PN, "Phantom^" + id)
                .putString(Tag.PatientID, Vr.LO, id)
                .putString(Tag.PatientBirthDate, Vr.DA, "")
                .putString(Tag.PatientSex, Vr.CS, "O")
                .putString(Tag.SliceThickness, Vr.DS, "5")
                .putString(Tag.StudyInstanceUID, Vr.UI, Uids.fromName(key + ":study"))
                .putString(Tag.SeriesInstanceUID, Vr.UI, Uids.fromName(key + ":series"))
                .putString(Tag.StudyID, Vr.SH, "1")
                .putString(Tag.SeriesNumber, Vr.IS, "1")
                .putString(Tag.InstanceNumber, Vr.IS, "1")
                .putString(Tag.ImagePositionPatient, Vr.DS, "0", "0", "0")
                .putString(Tag.ImageOrientationPatient, Vr.DS, "1", "0", "0", "0", "1", "0")
                .putString(Tag.FrameOfReferenceUID, Vr.UI, Uids.fromName(key + ":frame-of-reference"))
                .putInt(Tag.SamplesPerPixel, Vr.US, 1)
                .putString(Tag.PhotometricInterpretation, Vr.CS, "MONOCHROME2")
                .putInt(Tag.Rows, Vr.US, p.size())
                .putInt(Tag.Columns, Vr.US, p.size())
                .putString(Tag.PixelSpacing, Vr.DS, spacing, spacing)
                .putInt(Tag.BitsAllocated, Vr.US, 16)
                .putInt(Tag.BitsStored, Vr.US, 12)
                .putInt(Tag.HighBit, Vr.US, 11)
                .putInt(Tag.PixelRepresentation, Vr.US, 0);
        if (ct) {
            b.putString(Tag.WindowCenter, Vr.DS, "40").putString(Tag.WindowWidth, Vr.DS, "400")
                    .putString(Tag.RescaleIntercept, Vr.DS, "-1024").putString(Tag.RescaleSlope, Vr.DS, "1")
                    .putString(Tag.RescaleType, Vr.LO, "HU");
        } else {
            b.putString(Tag.WindowCenter, Vr.DS, fmt(p.gain() * 150 + p.offset()))
                    .putString(Tag.WindowWidth, Vr.DS, fmt(p.gain() * 320));
        }
        return b.putBytes(Tag.PixelData, Vr.OW, px).build();
    }

    private static void writeMask(Path file, PhantomAnatomy a) throws IOException {
        BufferedImage img = new BufferedImage(a.size(), a.size(), BufferedImage.TYPE_BYTE_GRAY);
        int[] v = new int[a.size() * a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.lesion()[i] ? 255 : 0;
        }
        img.getRaster().setPixels(0, 0, a.size(), a.size(), v);
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4f", v)
                .replaceAll("0+$", "");
    }

    private static String readme(long seed, List<ScannerProfile> hospitals, int n) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Synthetic phantom imaging study\n\n")
                .append("Generated by MedFed Workbench's PhantomStudyGenerator with seed ").append(seed)
                .append(": no patient data. Each image is an axial phantom slice (elliptical body, two organs); ")
                .append("label `lesion` means a round lesion is present inside the first organ. ")
                .append("Masks (PNG, 255 = lesion) share the image's file name stem; `ground-truth.csv` gives ")
                .append("each lesion's centre, radius and area.\n\n")
                .append("| hospital | modality | size | pixel spacing (mm) | gain | offset | noise sigma | lesion share | images |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (ScannerProfile p : hospitals) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %dx%d | %s | %s | %s | %s | %s | %d |%n", p.hospital(),
                    p.modality(), p.size(), p.size(), fmt(p.pixelSpacingMm()), fmt(p.gain()), fmt(p.offset()),
                    fmt(p.noiseSigma()), fmt(p.lesionFraction()), n));
        }
        sb.append("\nStored value = round(gain x tissue + offset + Gaussian noise), clamped to 12 bits; tissue values: ")
                .append("outside 0, body 100, organ one 160, organ two 60, lesion 240 (CT: HU -1000, 40, 60, -90, 140, ")
                .append("stored as HU + 1024).\n");
        return sb.toString();
    }
}
