package org.medfed.study;

import java.util.ArrayList;
import java.util.List;
import org.medfed.engine.BadInputException;
import org.medfed.engine.strategy.StrategyIds;
import org.medfed.engine.strategy.robust.DefenceSettings;
import org.medfed.model.ModelKind;
import org.medfed.project.DefenceSection;
import org.medfed.project.PrivacySection;
import org.medfed.project.Study;

/**
 * The one place that decides whether a study's protections, strategy and model go together. The workbench lists
 * {@link #problems} as the study is edited; a run ({@link Protections#apply}) and the command line refuse the first
 * one before any data is read; the trainers only guard against what this already refused.
 */
public final class ProtectionCompatibility {

    /** What a problem is about, so that the workbench can say it beside the setting to change. */
    public enum Subject { PROTECTIONS, COMPRESSION }

    /** A combination that cannot run: why, in words, the workbench screen where it is changed, and what it is about. */
    public record Problem(String text, String screen, Subject subject) {

        Problem(String text, String screen) {
            this(text, screen, Subject.PROTECTIONS);
        }
    }

    public static final String ALGORITHM = "Algorithm";
    public static final String TASK_AND_MODEL = "Task and model";

    private ProtectionCompatibility() {
    }

    /** Every reason this study's protections cannot run with {@code hospitals} taking part; empty when they can. */
    public static List<Problem> problems(Study study, int hospitals) {
        List<Problem> out = new ArrayList<>();
        PrivacySection p = study.privacy();
        DefenceSection d = study.defence();
        boolean robust = false;
        if (d != null) {
            try {
                DefenceSettings defence = DefenceSettings.parse(d.rule(), d.clipBound());
                robust = !defence.isNone();
                if (robust && hospitals > 0) {
                    defence.checkParticipants(expectedPerRound(study, hospitals));
                }
            } catch (BadInputException e) {
                out.add(new Problem(e.getMessage(), ALGORITHM));
            }
        }
        boolean async = asynchronous(study);
        String id = study.strategy().id();
        if (async && robust) {
            out.add(new Problem("strategy " + id + " is asynchronous: a robust rule compares the updates of one "
                    + "round, and an asynchronous merge has only its buffer of updates trained from different versions "
                    + "of the model; use a synchronous strategy with the robust rule", ALGORITHM));
        }
        if (p == null) {
            return out;
        }
        if (async && p.dp() != null) {
            out.add(new Problem("strategy " + id + " is asynchronous: client-level DP-FedAvg calibrates its noise to a "
                    + "sampled cohort of hospitals per round, which an asynchronous run does not have; use DP-SGD inside "
                    + "the hospitals (privacy.dpSgd), whose accounting is per local step and so holds for each update",
                    ALGORITHM));
        }
        if (async && (p.secureAggregation() != null || p.paillier() != null)) {
            out.add(new Problem("strategy " + id + " is asynchronous: secure aggregation and Paillier aggregation "
                    + "reveal only the sum of a cohort that is unmasked or decrypted together, and an asynchronous merge "
                    + "has no such cohort; use a synchronous strategy", ALGORITHM));
        }
        if (study.compression() != null && (p.secureAggregation() != null || p.paillier() != null)) {
            out.add(new Problem("compressed updates cannot be combined with secure aggregation or Paillier "
                    + "aggregation: those encode every value of the update themselves (as integers in their field, as "
                    + "ciphertexts), so the compressed form would be undone before it is sent; choose one", ALGORITHM, Subject.COMPRESSION));
        }
        if (study.compression() != null && p.dp() != null
                && !"participants".equalsIgnoreCase(p.dp().noisePlacement())) {
            out.add(new Problem("compressed updates with client-level DP need the noise added at the hospitals "
                    + "(privacy.dp.noisePlacement: participants): compression comes after the noise, while noise added "
                    + "by the aggregator is calibrated to the clip bound, which a compressed update (with its "
                    + "quantisation error or error-feedback residual) can exceed", ALGORITHM, Subject.COMPRESSION));
        }
        boolean secagg = p.secureAggregation() != null;
        boolean paillier = p.paillier() != null;
        if (secagg && paillier) {
            out.add(new Problem("choose secure aggregation or Paillier aggregation, not both: each already hides "
                    + "single updates from the aggregator", ALGORITHM));
        }
        if (robust && (secagg || paillier)) {
            out.add(new Problem("a robust rule must see each hospital's update, which " + (secagg
                    ? "secure aggregation" : "Paillier encryption") + " hides: switch one of them off", ALGORITHM));
        }
        if (robust && p.dp() != null) {
            // DP-FedAvg bounds what one hospital changes in the clipped sum of everyone's updates; a rule that
            // drops or down-weights updates depending on the others voids that bound
            out.add(new Problem("a robust rule cannot be combined with client-level differential privacy: DP's "
                    + "guarantee holds for the noised sum of all clipped updates, and a rule that drops or down-weights "
                    + "updates depending on the others breaks it; switch one of them off (DP-SGD inside the hospitals "
                    + "does combine with a robust rule)", ALGORITHM));
        }
        if (secagg && StrategyIds.CUSTOM_WEIGHTED_FEDAVG.equals(study.strategy().id())) {
            out.add(new Problem("custom hospital weights cannot be combined with secure aggregation, which hides "
                    + "them: use FedAvg or weighted FedAvg", ALGORITHM));
        }
        if (p.dpSgd() != null && !modelKind(study).map(ModelKind::supportsDpSgd).orElse(true)) {
            out.add(new Problem("DP-SGD inside each hospital's training is available for " + ModelKind.DP_SGD_MODELS
                    + " only", TASK_AND_MODEL));
        }
        return out;
    }

    /** Refuses the study's first problem, before any data is read. */
    public static void require(Study study, int hospitals) {
        List<Problem> problems = problems(study, hospitals);
        if (!problems.isEmpty()) {
            throw new BadInputException(problems.get(0).text());
        }
    }

    /** Whether the study's strategy merges updates asynchronously (an unknown strategy is reported elsewhere). */
    private static boolean asynchronous(Study study) {
        try {
            return study.strategy().create().schedule().asynchronous();
        } catch (BadInputException e) {
            return false;
        }
    }

    static int expectedPerRound(Study study, int hospitals) {
        return Math.max(1, (int) Math.ceil(study.training().fraction() * hospitals - 1e-9));
    }

    private static java.util.Optional<ModelKind> modelKind(Study study) {
        if (study.model() == null) {
            return java.util.Optional.of(ModelKind.LOGISTIC);
        }
        try {
            return java.util.Optional.of(ModelKind.parse(study.model().type()));
        } catch (BadInputException e) {
            return java.util.Optional.empty(); // the model check names an unknown model
        }
    }
}
