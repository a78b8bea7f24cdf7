package org.medfed.study;

import org.medfed.data.ExampleSet;

/**
 * One hospital's prepared examples, whatever the data type, and a line saying what was left out.
 *
 * @param note what preparing the data dropped or changed ("3 rows with missing values left out"), or empty
 */
public record SiteData(String name, ExampleSet train, ExampleSet test, String note) {
}
