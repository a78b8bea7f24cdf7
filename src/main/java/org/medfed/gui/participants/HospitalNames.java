package org.medfed.gui.participants;

import java.nio.file.Path;
import java.util.Set;

/** Names for hospitals added from files: the file's name, made unique. */
final class HospitalNames {

    private HospitalNames() {
    }

    static String baseName(Path file) {
        String n = String.valueOf(file.getFileName());
        for (String compressed : new String[] {".vcf.gz", ".vcf.bgz"}) {
            if (n.toLowerCase(java.util.Locale.ROOT).endsWith(compressed)) {
                return n.substring(0, n.length() - compressed.length());
            }
        }
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    static String uniqueName(String base, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int i = 2; ; i++) {
            if (!taken.contains(base + "-" + i)) {
                return base + "-" + i;
            }
        }
    }
}
