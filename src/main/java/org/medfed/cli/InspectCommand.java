package org.medfed.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.medfed.concurrency.Workers;
import org.medfed.data.dicom.DicomFile;
import org.medfed.data.dicom.DicomInspector;
import org.medfed.data.dicom.NotDicomException;
import org.medfed.data.dicom.Window;
import org.medfed.data.tabular.TableInspection;
import org.medfed.data.vcf.VcfInspector;
import org.medfed.data.vcf.VcfReader;
import org.medfed.engine.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medfed inspect}: what a data file holds, before it goes into a study. Dispatches on the kind of file. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows what a data file holds before it goes into a study.",
                "CSV file (or any other text table: .tsv, .txt, .data): columns, inferred types, missing values and "
                        + "label balance.",
                "DICOM file: main tags, transfer syntax, pixel summary (rows, columns, frames, min, max, mean after "
                        + "rescale); --png writes the windowed image.",
                "Folder: every DICOM file in it (recursive): counts, unreadable files with the reason, series.",
                "VCF / VCF.gz / BCF: samples, variants, contigs, missing calls, multi-allelic and no-GT sites."})
final class InspectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE|FOLDER", description = "a CSV (or other text) table, a VCF file, a DICOM file, or a folder of DICOM files")
    Path file;

    @Option(names = "--label", paramLabel = "COLUMN", description = "CSV: label column for the class balance (default: the last)")
    String label;

    @picocli.CommandLine.Mixin
    TableReadingOptions reading = new TableReadingOptions();

    @Option(names = "--png", paramLabel = "OUT.png", description = "DICOM: write the windowed image as a PNG")
    Path png;

    @Option(names = "--window", paramLabel = "CENTER,WIDTH", split = ",",
            description = "DICOM: window for --png, for example 40,400 (default: the file's window, else min/max)")
    double[] window;

    @Option(names = "--frame", paramLabel = "N", defaultValue = "1", description = "DICOM: frame for --png, from 1 (default 1)")
    int frame;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Workers workers;

    /** {@code workers} give the threads that inflate a VCF.gz ahead of its reading. */
    InspectCommand(Workers workers) {
        this.workers = workers;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.exists(file)) {
            throw new BadInputException(file, null, "not found");
        }
        if (Files.isDirectory(file)) {
            if (png != null) {
                throw new BadInputException(file, null, "is a folder: --png needs a single DICOM file");
            }
            out.print(DicomInspector.report(file));
        } else if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            out.print(csvReport());
        } else if (isVcf(file)) {
            ExecutorService inflaters = VcfReader.inflaters(workers);
            try {
                out.print(VcfInspector.report(file, inflaters));
            } finally {
                inflaters.shutdown();
            }
        } else if (DicomFile.namedAsDicom(file) || isDicom(file)) {
            // a .dcm that is not DICOM is told so, rather than read as whatever its bytes look like
            out.print(DicomInspector.report(file));
            if (png != null) {
                writePng();
                out.println("Picture written to:       " + png);
            }
        } else if (isText(file)) {
            // tables come as .txt, .tsv, .data (the UCI archive) as often as .csv; the workbench reads them all
            out.print(csvReport());
        } else {
            throw new BadInputException(file, null, "is not supported by inspect: it is neither a table (a text file "
                    + "such as .csv, .tsv, .txt), a VCF file (.vcf, .vcf.gz, .bcf) nor a DICOM file (a folder of DICOM "
                    + "files works too)");
        }
        out.flush();
        return MedFedCommand.OK;
    }

    private String csvReport() {
        return TableInspection.report(file, reading.format(file), label);
    }

    private void writePng() {
        Window w = null;
        if (window != null) {
            if (window.length != 2 || !(window[1] > 0)) {
                throw new BadInputException("--window needs CENTER,WIDTH with a positive width, for example 40,400");
            }
            w = new Window(window[0], window[1]);
        }
        DicomInspector.writePng(file, png, w, frame - 1);
    }

    /** DICOM by content, not by name: many archives write files without an extension. */
    private static boolean isDicom(Path file) {
        try {
            DicomFile.readHeader(file);
            return true;
        } catch (NotDicomException e) {
            return false;
        }
    }

    /** Text by content: no NUL byte in its first 8 KB (gzip, images and other binary files have some). */
    private static boolean isText(Path file) {
        byte[] head = new byte[8192];
        int n;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (java.io.IOException e) {
            throw new BadInputException(file, null, "could not be read: " + e.getMessage(), e);
        }
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                return false;
            }
        }
        return n > 0;
    }

    private static boolean isVcf(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".vcf") || lower.endsWith(".vcf.gz") || lower.endsWith(".vcf.bgz") || lower.endsWith(".bcf");
    }
}
