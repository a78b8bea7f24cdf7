package org.medfed.gui.participants;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.medfed.data.csv.CsvFormat;
import org.medfed.gui.common.DataKind;
import org.medfed.gui.common.HospitalDataCheck;
import org.medfed.gui.common.ReadingGuess;
import org.medfed.gui.common.StudyDocument;
import org.medfed.project.CsvOptions;
import org.medfed.project.ParticipantEntry;

/**
 * What files chosen or dropped on the hospitals table make of the study's hospitals: new hospitals named after
 * them, or a hospital's data replaced, as the study's data kind takes files. A table is read as its first lines
 * suggest (a European export is read at once); each guess is named in {@code guessed}, for the screen's notice.
 */
final class HospitalsFromFiles {

    private final StudyDocument document;
    private final Supplier<CsvFormat> studyFormat;

    HospitalsFromFiles(StudyDocument document, Supplier<CsvFormat> studyFormat) {
        this.document = document;
        this.studyFormat = studyFormat;
    }

    /**
     * One new hospital per file (per folder in an image study), named after it and unlike the names {@code taken}.
     * In a genotype study each VCF file makes a hospital, and a phenotype sheet among the files whose name starts
     * like the VCF's goes with it; other files make none.
     */
    List<ParticipantEntry> newHospitals(List<Path> files, DataKind kind, Collection<String> taken, List<String> guessed) {
        Set<String> names = new HashSet<>(taken);
        List<ParticipantEntry> added = new ArrayList<>();
        boolean genotypes = kind == DataKind.GENOTYPES;
        List<Path> sheets = files.stream().filter(f -> !HospitalDataCheck.isGenotypeFile(f)).toList();
        for (Path f : files) {
            if (genotypes && !HospitalDataCheck.isGenotypeFile(f)) {
                continue;
            }
            String base = HospitalNames.baseName(f);
            String name = HospitalNames.uniqueName(base, names);
            names.add(name);
            List<String> data = new ArrayList<>(List.of(document.dataPathFor(f)));
            if (genotypes) {
                data.add(sheets.stream().filter(sh -> sh.getFileName().toString().startsWith(base)).findFirst()
                        .map(document::dataPathFor).orElse(""));
            }
            ParticipantEntry entry = new ParticipantEntry(name, data, 1.0, true, null);
            added.add(kind == DataKind.TABLE ? withGuessedReading(entry, f, guessed) : entry);
        }
        return added;
    }

    /**
     * Hospital {@code p} with its data from {@code files}: a table study takes one file per hospital (the first),
     * an image study one folder, a genotype study a VCF file and a phenotype sheet (each file given replaces the
     * one of its kind, so they can be chosen one at a time).
     */
    ParticipantEntry withFiles(ParticipantEntry p, List<Path> files, DataKind kind, List<String> guessed) {
        return switch (kind) {
            case GENOTYPES -> {
                List<String> data = new ArrayList<>(p.data());
                while (data.size() < 2) {
                    data.add("");
                }
                for (Path f : files) {
                    data.set(HospitalDataCheck.isGenotypeFile(f) ? 0 : 1, document.dataPathFor(f));
                }
                yield p.withData(data);
            }
            case IMAGES -> p.withData(List.of(document.dataPathFor(files.get(0))));
            case TABLE -> withGuessedReading(p.withData(List.of(document.dataPathFor(files.get(0)))), files.get(0),
                    guessed);
        };
    }

    /** {@code p} reading {@code file} as its first lines suggest. */
    private ParticipantEntry withGuessedReading(ParticipantEntry p, Path file, List<String> guessed) {
        CsvOptions o = ReadingGuess.apply(file, p.csvOptions(), studyFormat.get(), guessed);
        return o.equals(p.csvOptions()) ? p : p.withCsv(o);
    }
}
