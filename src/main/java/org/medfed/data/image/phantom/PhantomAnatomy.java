package org.medfed.data.image.phantom;

import java.util.SplittableRandom;

/**
 * One synthetic axial slice: an elliptical body outline holding two organs and, when the label says so,
 * a round lesion inside the first organ. Geometry is drawn from a seeded generator in image-relative units,
 * so the same anatomy scales to any image size.
 *
 * <p>Tissue values (arbitrary MR-like units; HU for CT): outside 0 (CT -1000), body 100 (CT 40), organ one
 * 160 (CT 60), organ two 60 (CT -90), lesion 240 (CT 140).
 *
 * @param size rows and columns
 * @param tissue noise-free tissue value of each pixel, row-major
 * @param lesion true where the lesion is (the segmentation ground truth)
 * @param lesionRow lesion centre row (pixel units), NaN without lesion
 * @param lesionColumn lesion centre column, NaN without lesion
 * @param lesionRadius lesion radius in pixels, 0 without lesion
 */
public record PhantomAnatomy(int size, float[] tissue, boolean[] lesion, double lesionRow, double lesionColumn,
        double lesionRadius) {

    /** Tissue values of one modality: outside, body, organ one, organ two, lesion. */
    record Tissues(float outside, float body, float organ1, float organ2, float lesion) {
        static Tissues of(String modality) {
            return modality.equals("CT") ? new Tissues(-1000, 40, 60, -90, 140) : new Tissues(0, 100, 160, 60, 240);
        }
    }

    /** An ellipse with centre, semi-axes and rotation, all in pixels and radians. */
    private record Ellipse(double cy, double cx, double ry, double rx, double angle) {
        boolean contains(double y, double x) {
            double dy = y - cy;
            double dx = x - cx;
            double c = StrictMath.cos(angle);
            double s = StrictMath.sin(angle);
            double u = c * dx + s * dy;
            double v = -s * dx + c * dy;
            return (u * u) / (rx * rx) + (v * v) / (ry * ry) <= 1;
        }
    }

    public int lesionPixels() {
        int n = 0;
        for (boolean b : lesion) {
            n += b ? 1 : 0;
        }
        return n;
    }

    public boolean hasLesion() {
        return lesionRadius > 0;
    }

    /** Draws an anatomy; the generator's state advances by a fixed number of draws whatever the label. */
    public static PhantomAnatomy draw(SplittableRandom rnd, int size, boolean withLesion, String modality) {
        Tissues t = Tissues.of(modality);
        double c = (size - 1) / 2.0;
        Ellipse body = new Ellipse(c + uniform(rnd, -0.03, 0.03) * size, c + uniform(rnd, -0.03, 0.03) * size,
                uniform(rnd, 0.30, 0.36) * size, uniform(rnd, 0.40, 0.45) * size, uniform(rnd, -0.15, 0.15));
        Ellipse organ1 = new Ellipse(body.cy() + uniform(rnd, -0.05, 0.02) * size,
                body.cx() - uniform(rnd, 0.12, 0.16) * size, uniform(rnd, 0.13, 0.16) * size,
                uniform(rnd, 0.15, 0.19) * size, uniform(rnd, -0.3, 0.3));
        Ellipse organ2 = new Ellipse(body.cy() + uniform(rnd, 0.0, 0.06) * size,
                body.cx() + uniform(rnd, 0.18, 0.22) * size, uniform(rnd, 0.08, 0.10) * size,
                uniform(rnd, 0.06, 0.08) * size, uniform(rnd, -0.4, 0.4));
        // the lesion sits well inside organ one: at most 45% of the way to its edge
        double r = uniform(rnd, 0.0, 0.45);
        double phi = uniform(rnd, 0, 2 * Math.PI);
        double radius = StrictMath.max(1.5, uniform(rnd, 0.045, 0.07) * size);
        double ly = organ1.cy() + r * organ1.ry() * StrictMath.sin(phi);
        double lx = organ1.cx() + r * organ1.rx() * StrictMath.cos(phi);

        float[] tissue = new float[size * size];
        boolean[] lesion = new boolean[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                float v = t.outside();
                if (body.contains(y, x)) {
                    v = t.body();
                }
                if (organ1.contains(y, x)) {
                    v = t.organ1();
                }
                if (organ2.contains(y, x)) {
                    v = t.organ2();
                }
                if (withLesion && (y - ly) * (y - ly) + (x - lx) * (x - lx) <= radius * radius) {
                    v = t.lesion();
                    lesion[i] = true;
                }
                tissue[i] = v;
            }
        }
        return withLesion ? new PhantomAnatomy(size, tissue, lesion, ly, lx, radius)
                : new PhantomAnatomy(size, tissue, lesion, Double.NaN, Double.NaN, 0);
    }

    private static double uniform(SplittableRandom rnd, double lo, double hi) {
        return lo + (hi - lo) * rnd.nextDouble();
    }
}
