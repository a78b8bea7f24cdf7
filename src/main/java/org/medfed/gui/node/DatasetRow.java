package org.medfed.gui.node;

/**
 * One registered dataset as the Datasets table shows it.
 *
 * @param files   the files or folder it names, as paths
 * @param size    rows, images or people, once its pane has read it
 * @param check   whether its files are there and readable: "✔ ..." or "✖ what to do"
 */
public record DatasetRow(String id, String kind, String files, String size, String check) {
}
