package org.medfed.engine.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed catalogue of what a coordinator may ask of a hospital. A request names one of these by id; the
 * hospital runs its own implementation of it (the catalogue of implementations is {@code org.medfed.site}), so
 * no code ever travels, only ids and typed parameters. A hospital's policy allows or refuses them by id.
 */
public enum Procedure {

    TRAIN("train", Kind.TRAINING, "train the model locally from the global model with the plan's optimiser"),
    TRAIN_PROXIMAL("train.fedprox", Kind.TRAINING,
            "train locally with FedProx's pull towards the global model (parameter mu)"),
    TRAIN_SCAFFOLD("train.scaffold", Kind.TRAINING,
            "train locally with SCAFFOLD's control-variate correction; the hospital keeps its own control variate"),
    TRAIN_PERSONAL_HEAD("train.fedper", Kind.TRAINING,
            "train locally with the hospital's own last layers (FedPer); only the shared layers are sent, the "
                    + "hospital's own layers stay with it"),
    TRAIN_DITTO("train.ditto", Kind.TRAINING,
            "train the shared model locally, and the hospital's own Ditto model pulled towards it (parameter "
                    + "lambda); only the shared model is sent, the hospital's own model stays with it"),
    TRAIN_FEDBN("train.fedbn", Kind.TRAINING,
            "train locally with the hospital's own batch normalisations (FedBN); they are not sent, they stay with "
                    + "the hospital"),
    GRADIENT("gradient", Kind.TRAINING, "compute one gradient of the loss over all training rows (FedSGD)"),
    DP_CLIP_NOISE("dp.clip-noise", Kind.FILTER,
            "clip the update to an L2 bound and, when asked, add Gaussian noise before it leaves (client-level DP)"),
    COMPRESS("compress", Kind.FILTER,
            "send the change from the global model compressed (quantised or only its largest values); with error "
                    + "feedback the hospital keeps the part left out and adds it to its next update"),
    PAILLIER_ENCRYPT("paillier.encrypt", Kind.SEALING_FILTER,
            "encrypt the update under the study's Paillier public key; only sums are ever decrypted"),
    SECAGG_MASK("secagg.mask", Kind.SEALING_FILTER,
            "receive the encrypted key shares the other hospitals made for this one, quantise the update and add "
                    + "pairwise and self masks (secure aggregation); only the sum is readable"),
    SECAGG_ADVERTISE("secagg.advertise", Kind.QUESTION, "secure aggregation: make and announce this round's public keys"),
    SECAGG_SHARE_KEYS("secagg.share-keys", Kind.QUESTION,
            "secure aggregation: send encrypted Shamir shares of this round's secrets to the other hospitals"),
    SECAGG_UNMASK("secagg.unmask", Kind.QUESTION,
            "secure aggregation: reveal the shares that remove the masks of a finished round"),
    EVALUATE("evaluate", Kind.QUESTION, "evaluate a model on the hospital's test or training rows: metrics only"),
    PERSONALISE("personalise", Kind.QUESTION,
            "make the hospital's personal model from the final shared model (fine-tune it, join it with the "
                    + "hospital's own layers, batch normalisations or Ditto model, or choose between it, its fine-tuned version and the "
                    + "hospital's own model alone on held-out training rows), keep it at the hospital and answer with "
                    + "its test metrics only"),
    BASELINE_TRAIN("baseline.train", Kind.QUESTION,
            "train a comparison model on this hospital's rows alone and send its parameters"),
    DESCRIBE("describe", Kind.QUESTION, "say how many training and test examples the dataset has"),
    TABLE_SUMMARY("table.summary", Kind.SETUP, "before a study, tell the researcher about the registered table: "
            + "rows, columns with their inferred types and counts, the label's balance (counts under the hospital's "
            + "minimum are withheld); opens nothing"),
    TABLE_OPEN("table.open", Kind.SETUP, "open the registered table for a study, with the study's data settings"),
    TABLE_SCHEMA("table.schema", Kind.SETUP,
            "describe the table's columns: names, inferred types, counts of present and missing values"),
    TABLE_ROWS("table.rows", Kind.SETUP, "keep the rows usable with the agreed column types; say how many"),
    TABLE_LEVELS("table.levels", Kind.SETUP, "name the levels of categorical columns and the outcome classes"),
    TABLE_SPLIT("table.split", Kind.SETUP, "split the kept rows into training and test rows; say how many"),
    TABLE_NUMERIC("table.numeric", Kind.SETUP, "counts and sums of the numeric columns over the training rows"),
    TABLE_TRAIN_LEVELS("table.train-levels", Kind.SETUP,
            "counts of each category over the training rows (counts under the hospital's minimum are withheld)"),
    TABLE_MOMENTS("table.moments", Kind.SETUP,
            "count, sums and sums of squares of the encoded training rows, for standardisation"),
    IMAGES_OPEN("images.open", Kind.SETUP,
            "open the registered image folder for a study and prepare every image with the study's imaging settings"),
    IMAGES_SUMMARY("images.summary", Kind.SETUP,
            "name the image classes found and count the images of each (counts under the hospital's minimum are "
                    + "withheld), with the prepared input shape; no pixels and no file names"),
    MODEL_OPEN("model.open", Kind.SETUP,
            "encode the rows or images with the agreed preprocessing and build the study's model beside them"),
    GWAS_PREPARE("gwas.prepare", Kind.SETUP,
            "association study: match the VCF's samples to the phenotype sheet, read the genotypes once, leave out "
                    + "poorly called samples; say how many samples are analysed and why others are not"),
    GWAS_COUNTS("gwas.counts", Kind.SETUP,
            "association study: genotype counts per variant (0, 1, 2 copies, missing) among cases and controls"),
    GWAS_SUMS("gwas.sums", Kind.SETUP,
            "association study: per requested variant, at the coordinator's coefficients, the regression's sums "
                    + "(n, X'WX, X'(y - mu), deviance)");

    /**
     * In the reply to {@link #TABLE_OPEN} or {@link #IMAGES_OPEN}: what the hospital's policy means for the study it
     * opened, in words for the researcher (absent: nothing to say), told before round 1 rather than found round by round.
     */
    public static final String POLICY_NOTE = "policy_note";

    /** What a procedure does with the model. */
    public enum Kind {
        /** Answers with an update of the model. */
        TRAINING,
        /** Changes the update before it leaves the hospital. */
        FILTER,
        /** Changes the update so that the coordinator cannot read it alone; simulated attacks act before these. */
        SEALING_FILTER,
        /** Anything else: an answer that is not an update. */
        QUESTION,
        /**
         * Answered by the dataset itself, not by a model beside it: preparing a table for a study, or a statistic
         * that needs no model (the association study's counts and sums). Summaries, counts and sums, never rows.
         */
        SETUP
    }

    private final String id;
    private final Kind kind;
    private final String description;

    Procedure(String id, Kind kind, String description) {
        this.id = id;
        this.kind = kind;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** One line a hospital's IT can read in a policy or an audit log. */
    public String description() {
        return description;
    }

    public boolean isFilter() {
        return kind == Kind.FILTER || kind == Kind.SEALING_FILTER;
    }

    /**
     * Ids an earlier version had, with what took their place, so that a hospital's policy that still lists one is told
     * what to write instead.
     */
    public static final Map<String, String> RETIRED = Map.of("secagg.deliver-shares", "secagg.mask, the masking "
            + "filter of a training request, which now carries the key shares addressed to the hospital");

    public static Optional<Procedure> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    /** The procedure with {@code id}, or a {@link ProtocolException} listing the known ids. */
    public static Procedure require(String id) {
        return byId(id).orElseThrow(() -> new ProtocolException("unknown procedure '" + id + "'; known: "
                + String.join(", ", Arrays.stream(values()).map(Procedure::id).toList())));
    }
}
