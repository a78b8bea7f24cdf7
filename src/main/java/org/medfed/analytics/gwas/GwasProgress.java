package org.medfed.analytics.gwas;

/** Progress of a study, for a progress bar: which stage, and how far through it. */
@FunctionalInterface
public interface GwasProgress {

    GwasProgress NONE = (stage, done, total) -> { };

    void update(String stage, long done, long total);
}
