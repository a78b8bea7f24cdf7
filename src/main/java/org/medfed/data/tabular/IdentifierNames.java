package org.medfed.data.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Whether a column's name says it identifies a patient or a sample ("patient_id", "MRN", "Sample code number"). */
final class IdentifierNames {

    private static final Set<String> ID_WORDS = Set.of("id", "ids", "mrn", "uuid", "guid", "identifier");
    private static final Set<String> SUBJECTS = Set.of("patient", "sample", "record", "subject", "case", "specimen",
            "person", "participant");
    private static final Set<String> NUMBER_WORDS = Set.of("id", "no", "nr", "num", "number", "code");

    private IdentifierNames() {
    }

    static boolean looksLikeIdentifier(String column) {
        List<String> words = words(column);
        if (words.isEmpty()) {
            return false;
        }
        String last = words.get(words.size() - 1);
        return ID_WORDS.contains(last) || (SUBJECTS.contains(words.get(0)) && NUMBER_WORDS.contains(last));
    }

    /** "patientId" and "Patient ID" and "patient_id" as [patient, id]. */
    static List<String> words(String column) {
        List<String> out = new ArrayList<>();
        String spaced = column.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
        for (String w : spaced.split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                out.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
