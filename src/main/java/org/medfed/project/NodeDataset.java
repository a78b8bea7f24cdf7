package org.medfed.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medfed.data.csv.CsvFormat;
import org.medfed.engine.BadInputException;

/**
 * One dataset a hospital node serves, as declared in {@code node.json}, with its paths resolved against the
 * folder of that file. Whether the files exist is checked by {@link #requireFilesExist()} when the dataset is
 * opened, not when {@code node.json} is read: a node is configured (a provisioning template) before its data is
 * in place, and a dataset on a share that is briefly unavailable must not stop the node from serving the others.
 */
public sealed interface NodeDataset permits NodeDataset.Table, NodeDataset.Images, NodeDataset.Genotypes {

    String id();

    DataKind kind();

    /** The files and folders this dataset names, by the {@code node.json} field that names them. */
    Map<String, Path> files();

    /** Throws a {@link BadInputException} naming the path when a named file or folder is not there. */
    default void requireFilesExist() {
        for (Map.Entry<String, Path> e : files().entrySet()) {
            Path p = e.getValue();
            boolean folder = e.getKey().equals("folder") || e.getKey().equals("masks");
            if (folder ? !Files.isDirectory(p) : !Files.isRegularFile(p)) {
                throw new BadInputException(p, null, "dataset '" + id() + "': the " + (folder ? "folder" : "file")
                        + " named by \"" + e.getKey() + "\" is not there (looked for " + p.toAbsolutePath() + ")");
            }
        }
    }

    /**
     * A CSV table, read with {@code csv}'s options over the plain defaults (the options a study gives a hospital's
     * file on the Participants screen: separator, header row, decimal comma, encoding, quote, missing-value texts,
     * column names of a file without a header).
     */
    record Table(String id, Path file, CsvOptions csv) implements NodeDataset {

        public Table {
            csv = csv == null ? CsvOptions.NONE : csv;
        }

        @Override
        public DataKind kind() {
            return DataKind.TABLE;
        }

        /** How the file is read. */
        public CsvFormat format() {
            return csv.over(CsvFormat.defaults());
        }

        @Override
        public Map<String, Path> files() {
            return Map.of("file", file);
        }
    }

    /**
     * A folder of images (DICOM or others).
     *
     * @param folder   the images: one sub-folder per class, or the files a manifest lists
     * @param manifest the CSV of file,label (files relative to its folder), or null when the labels are the names
     *                 of the class sub-folders of {@code folder}
     * @param masks    the folder of segmentation masks, one per image matched by file name, or null when the
     *                 hospital offers no segmentation
     */
    record Images(String id, Path folder, Path manifest, Path masks) implements NodeDataset {
        @Override
        public DataKind kind() {
            return DataKind.IMAGES;
        }

        @Override
        public Map<String, Path> files() {
            Map<String, Path> named = new LinkedHashMap<>();
            named.put("folder", folder);
            if (manifest != null) {
                named.put("manifest", manifest);
            }
            if (masks != null) {
                named.put("masks", masks);
            }
            return named;
        }
    }

    /** A VCF file of genotypes and the phenotype sheet of its samples. */
    record Genotypes(String id, Path vcf, Path phenotypes) implements NodeDataset {
        @Override
        public DataKind kind() {
            return DataKind.GENOTYPES;
        }

        @Override
        public Map<String, Path> files() {
            Map<String, Path> named = new LinkedHashMap<>();
            named.put("vcf", vcf);
            named.put("phenotypes", phenotypes);
            return named;
        }
    }
}
