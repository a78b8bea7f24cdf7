package org.medfed.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.medfed.data.csv.CsvWriter;

/**
 * Generates the synthetic health records of the built-in sample study: four hospitals whose patients differ
 * the way real hospitals do, with a known ground truth.
 *
 * <p>Each patient's risk of coronary disease follows one logistic model, the same everywhere:
 * <pre>
 * logit p = -1.0 + 0.06 (age - 55) + 0.7 male + 0.025 (systolic_bp - 130) + 0.5 (cholesterol - 5.2)
 *           + 0.6 smoker + 0.8 diabetes + {typical 0, atypical 0.4, non-anginal 0.9, asymptomatic 1.6}[chest_pain]
 * </pre>
 * What differs by hospital is who comes through the door and how it is measured:
 * <ul>
 *   <li>city-general: 400 patients, mixed ages;</li>
 *   <li>rural-clinic: 150 older patients, more smokers;</li>
 *   <li>heart-centre: 260 referred patients, mostly with chest pain, and its blood-pressure devices read 12 mmHg
 *       high (a shifted feature: the recorded value is the true value + 12);</li>
 *   <li>mountain-hospital: 90 patients, and 15 % of cholesterol values were never measured (NA).</li>
 * </ul>
 * The same seed always gives the same files.
 */
public final class CardiacSampleGenerator {

    public static final List<String> COLUMNS = List.of("age", "sex", "systolic_bp", "cholesterol", "bmi", "smoker",
            "diabetes", "chest_pain", "disease");
    static final String[] PAIN = {"typical", "atypical", "non-anginal", "asymptomatic"};
    static final double[] PAIN_EFFECT = {0, 0.4, 0.9, 1.6};

    /** One hospital's population and measurement habits. */
    record Hospital(String name, int patients, double meanAge, double smokerRate, double[] painMix, double bpOffset,
                    double cholesterolMissing) {
    }

    static final List<Hospital> HOSPITALS = List.of(
            new Hospital("city-general", 400, 54, 0.22, new double[] {0.25, 0.25, 0.30, 0.20}, 0, 0),
            new Hospital("rural-clinic", 150, 63, 0.35, new double[] {0.25, 0.25, 0.25, 0.25}, 0, 0),
            new Hospital("heart-centre", 260, 58, 0.25, new double[] {0.10, 0.20, 0.25, 0.45}, 12, 0),
            new Hospital("mountain-hospital", 90, 57, 0.28, new double[] {0.25, 0.25, 0.25, 0.25}, 0, 0.15));

    private CardiacSampleGenerator() {
    }

    /** The true probability of disease for a patient's true (unshifted) values. */
    public static double risk(double age, boolean male, double systolic, double cholesterol, boolean smoker,
                              boolean diabetes, int pain) {
        double z = -1.0 + 0.06 * (age - 55) + 0.7 * (male ? 1 : 0) + 0.025 * (systolic - 130)
                + 0.5 * (cholesterol - 5.2) + 0.6 * (smoker ? 1 : 0) + 0.8 * (diabetes ? 1 : 0) + PAIN_EFFECT[pain];
        return 1 / (1 + Math.exp(-z));
    }

    /** Writes one CSV per hospital into {@code dir}; returns the file names in hospital order. */
    public static List<String> generate(Path dir, long seed) {
        List<String> files = new ArrayList<>();
        SplittableRandom root = new SplittableRandom(seed);
        for (Hospital h : HOSPITALS) {
            SplittableRandom r = root.split();
            List<String[]> rows = new ArrayList<>();
            for (int i = 0; i < h.patients(); i++) {
                rows.add(patient(h, r));
            }
            String file = h.name() + ".csv";
            CsvWriter.write(dir.resolve(file), COLUMNS, rows);
            files.add(file);
        }
        return files;
    }

    private static String[] patient(Hospital h, SplittableRandom r) {
        double age = clamp(h.meanAge() + 10 * gaussian(r), 25, 90);
        boolean male = r.nextDouble() < 0.55;
        double systolic = clamp(118 + 0.5 * (age - 50) + 14 * gaussian(r), 90, 210);
        double cholesterol = clamp(5.0 + 0.01 * (age - 50) + 0.9 * gaussian(r), 2.5, 9.5);
        double bmi = clamp(26 + 4 * gaussian(r), 16, 45);
        boolean smoker = r.nextDouble() < h.smokerRate();
        boolean diabetes = r.nextDouble() < 0.05 + 0.004 * (age - 40) + 0.01 * (bmi - 26);
        int pain = pick(h.painMix(), r);
        boolean disease = r.nextDouble() < risk(age, male, systolic, cholesterol, smoker, diabetes, pain);
        String chol = r.nextDouble() < h.cholesterolMissing() ? "NA" : fmt(cholesterol, 1);
        return new String[] {String.valueOf(Math.round(age)), male ? "M" : "F", String.valueOf(Math.round(systolic + h.bpOffset())),
                chol, fmt(bmi, 1), smoker ? "yes" : "no", diabetes ? "1" : "0", PAIN[pain], disease ? "1" : "0"};
    }

    private static int pick(double[] mix, SplittableRandom r) {
        double u = r.nextDouble();
        double c = 0;
        for (int i = 0; i < mix.length; i++) {
            c += mix[i];
            if (u < c) {
                return i;
            }
        }
        return mix.length - 1;
    }

    /** Box-Muller; written out so that the files do not depend on a JDK's Random.nextGaussian. */
    private static double gaussian(SplittableRandom r) {
        double u1 = 1 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
