package org.medfed.data.vcf;

import java.util.Comparator;
import java.util.Locale;

/**
 * Orders contig names the way genome browsers and Manhattan plots do: 1..22 numerically (with or without a
 * "chr" prefix), then X, Y, XY, MT, then any other name alphabetically.
 */
public final class ChromosomeOrder implements Comparator<String> {

    public static final ChromosomeOrder INSTANCE = new ChromosomeOrder();

    private ChromosomeOrder() {
    }

    @Override
    public int compare(String a, String b) {
        // most comparisons (sorting a genome's variants) are within one contig: no ranking, no upper-case copy
        if (a.equals(b)) {
            return 0;
        }
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return a.compareTo(b);
    }

    /** 1-22 for autosomes, 23 X, 24 Y, 25 XY, 26 MT, and 1000 for anything else. */
    public static int rank(String contig) {
        String name = contig.toUpperCase(Locale.ROOT);
        if (name.startsWith("CHR")) {
            name = name.substring(3);
        }
        switch (name) {
            case "X":
                return 23;
            case "Y":
                return 24;
            case "XY":
                return 25;
            case "M":
            case "MT":
                return 26;
            default:
                break;
        }
        if (!name.isEmpty() && name.length() <= 3 && name.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(name);
            if (n >= 1 && n <= 22) {
                return n;
            }
        }
        return 1000;
    }

    /** Short label for plots: "1".."22", "X", "Y", "XY", "MT", or the name itself. */
    public static String label(String contig) {
        int rank = rank(contig);
        if (rank <= 22) {
            return Integer.toString(rank);
        }
        return switch (rank) {
            case 23 -> "X";
            case 24 -> "Y";
            case 25 -> "XY";
            case 26 -> "MT";
            default -> contig;
        };
    }
}
