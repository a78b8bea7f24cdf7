package org.medfed.engine.strategy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ModelLayout;
import org.medfed.engine.Strategy;
import org.medfed.engine.strategy.personal.Ditto;
import org.medfed.engine.strategy.personal.FedBn;
import org.medfed.engine.strategy.personal.FedPer;
import org.medfed.engine.strategy.personal.FineTuning;
import org.medfed.engine.strategy.personal.HeldOutChoice;

/** Every strategy the workbench offers, by id, with explanations written for a clinician or a class. */
public final class StrategyCatalog {

    private static final ParameterSpec SERVER_LR = ParameterSpec.positive("serverLearningRate", "Server learning rate",
            0.01, "step size of the server optimiser");
    private static final ParameterSpec BETA1 = ParameterSpec.unitInterval("beta1", "Beta 1", 0.9,
            "how much of the previous update direction the server keeps (momentum)");
    private static final ParameterSpec BETA2 = ParameterSpec.unitInterval("beta2", "Beta 2", 0.999,
            "how slowly the server's estimate of update size changes");
    private static final ParameterSpec TAU = ParameterSpec.positive("tau", "Tau", 1e-8,
            "small constant that bounds how large an adaptive step can get");

    private static final ParameterSpec ALPHA = new ParameterSpec("alpha", "Mixing weight alpha", 0.6, 0, false, 1, true,
            "how far one arriving model moves the shared model (1 = replace it)");
    private static final ParameterSpec STALENESS_A = ParameterSpec.nonNegative("a", "Staleness decay a", 0.5,
            "how fast the weight of a model trained from an older shared model falls");

    private static final ParameterSpec FINETUNE_EPOCHS = new ParameterSpec("epochs", "Fine-tuning epochs", 5, 1, true,
            1000, true, "passes over the hospital's own training rows after federation");
    private static final ParameterSpec FINETUNE_LR = ParameterSpec.positive("learningRate", "Fine-tuning learning rate",
            0.01, "step size of fine-tuning (usually smaller than during federation)");

    private static final List<StrategyDescriptor> ALL = List.of(
            new StrategyDescriptor(StrategyIds.FEDAVG, "FedAvg",
                    "Each hospital trains the shared model on its own patients for a while; the server then takes "
                            + "the plain average of the hospitals' models. Every hospital counts the same.",
                    List.of(), (p, model) -> FedAvg.plain()),
            new StrategyDescriptor(StrategyIds.WEIGHTED_FEDAVG, "FedAvg (weighted by patients)",
                    "As FedAvg, but a hospital with more training patients counts more in the average, in "
                            + "proportion to its number of patients. The usual choice.",
                    List.of(), (p, model) -> FedAvg.bySamples()),
            new StrategyDescriptor(StrategyIds.CUSTOM_WEIGHTED_FEDAVG, "FedAvg (custom weights)",
                    "As FedAvg, with each hospital counting by the weight you give it on the Participants screen.",
                    List.of(), (p, model) -> new FedAvg(Weighting.CUSTOM)),
            new StrategyDescriptor(StrategyIds.FEDSGD, "FedSGD",
                    "Each round every hospital computes one gradient over all its patients; the server averages the "
                            + "gradients and takes one step. Simple and exact, but needs many rounds.",
                    List.of(ParameterSpec.positive("serverLearningRate", "Server learning rate", 0.1,
                            "size of the server's step along the averaged gradient")),
                    (p, model) -> new FedSgd(p.get("serverLearningRate"))),
            new StrategyDescriptor(StrategyIds.FEDPROX, "FedProx",
                    "FedAvg with a pull back towards the shared model during local training, so that hospitals "
                            + "whose patients differ a lot do not drift apart. Mu sets the strength of the pull.",
                    List.of(ParameterSpec.nonNegative("mu", "Mu", 0.01, "strength of the pull towards the global model")),
                    (p, model) -> new FedProx(p.get("mu"))),
            new StrategyDescriptor(StrategyIds.FEDADAM, "FedAdam",
                    "FedAvg whose server moves the shared model with the Adam optimiser, treating the average change "
                            + "of the hospitals' models as a gradient. Often converges faster on uneven hospitals.",
                    List.of(SERVER_LR, BETA1, BETA2, TAU),
                    (p, model) -> new FedOpt(FedOpt.Kind.ADAM, p.get("serverLearningRate"), p.get("beta1"), p.get("beta2"), p.get("tau"))),
            new StrategyDescriptor(StrategyIds.FEDYOGI, "FedYogi",
                    "Like FedAdam, with the Yogi rule for the size of steps, which reacts more calmly to sudden large "
                            + "changes.",
                    List.of(SERVER_LR, BETA1, BETA2, TAU),
                    (p, model) -> new FedOpt(FedOpt.Kind.YOGI, p.get("serverLearningRate"), p.get("beta1"), p.get("beta2"), p.get("tau"))),
            new StrategyDescriptor(StrategyIds.FEDADAGRAD, "FedAdagrad",
                    "Like FedAdam, with Adagrad's steps: parameters that have already moved a lot move less.",
                    List.of(SERVER_LR, BETA1, TAU),
                    (p, model) -> new FedOpt(FedOpt.Kind.ADAGRAD, p.get("serverLearningRate"), p.get("beta1"), 0.0, p.get("tau"))),
            new StrategyDescriptor(StrategyIds.SCAFFOLD, "SCAFFOLD",
                    "Each hospital remembers how its updates usually differ from the others' and corrects every local "
                            + "step by that difference, which counters drift on uneven hospitals. Hospitals keep a "
                            + "little state between rounds.",
                    List.of(ParameterSpec.positive("serverLearningRate", "Server learning rate", 1.0,
                            "share of the averaged change the server applies (1 = all of it)")),
                    (p, model) -> new Scaffold(p.get("serverLearningRate"))),
            new StrategyDescriptor(StrategyIds.CYCLIC, "Cyclic",
                    "No averaging: the model travels from hospital to hospital, one per round, each training it "
                            + "further. A new random order every cycle unless 'shuffle' is 0.",
                    List.of(new ParameterSpec("shuffle", "Shuffle each cycle (1 = yes, 0 = no)", 1, 0, true, 1, true,
                            "visit hospitals in a new random order every cycle")),
                    (p, model) -> new Cyclic(p.get("shuffle") >= 0.5)),
            new StrategyDescriptor(StrategyIds.FEDASYNC, "FedAsync",
                    "Asynchronous: no rounds. Every hospital trains all the time; as soon as a hospital's model "
                            + "arrives, the server mixes it into the shared model and sends the result back to that "
                            + "hospital. Nobody waits for a slow hospital. Alpha sets how much one arrival moves the "
                            + "shared model; each arrival is one update of the run.",
                    List.of(ALPHA), (p, model) -> new FedAsync(StrategyIds.FEDASYNC, p.get("alpha"), StalenessWeight.constant())),
            new StrategyDescriptor(StrategyIds.FEDASYNC_POLYNOMIAL, "FedAsync (polynomial staleness)",
                    "FedAsync where a model trained from an older shared model counts less: its weight is alpha "
                            + "times (versions behind + 1) to the power -a.",
                    List.of(ALPHA, STALENESS_A),
                    (p, model) -> new FedAsync(StrategyIds.FEDASYNC_POLYNOMIAL, p.get("alpha"), StalenessWeight.polynomial(p.get("a")))),
            new StrategyDescriptor(StrategyIds.FEDASYNC_HINGE, "FedAsync (hinge staleness)",
                    "FedAsync where a model up to b versions behind counts fully, and older ones less and less: "
                            + "alpha / (a (versions behind - b) + 1).",
                    List.of(ALPHA, STALENESS_A, ParameterSpec.nonNegative("b", "Staleness allowance b", 4,
                            "versions behind before an arriving model starts to count less")),
                    (p, model) -> new FedAsync(StrategyIds.FEDASYNC_HINGE, p.get("alpha"),
                            StalenessWeight.hinge(p.get("a"), p.get("b")))),
            new StrategyDescriptor(StrategyIds.FEDBUFF, "FedBuff",
                    "Asynchronous with a buffer: hospitals train all the time; the server collects arriving updates "
                            + "and, once it has K of them, moves the shared model by their average change (stale "
                            + "changes count less). Nobody waits for a slow hospital, and each move rests on K "
                            + "hospitals.",
                    List.of(new ParameterSpec("bufferSize", "Buffer size K", 2, 1, true, 1000, true,
                                    "updates collected before the shared model moves (at most the number of hospitals)"),
                            ParameterSpec.positive("serverLearningRate", "Server learning rate", 1.0,
                                    "share of the buffer's average change the server applies (1 = all of it)")),
                    (p, model) -> new FedBuff(wholeNumber(p.get("bufferSize"), "buffer size K"), p.get("serverLearningRate"))),
            new StrategyDescriptor(StrategyIds.FEDAVG_FINETUNE, "FedAvg, then fine-tuned at each hospital",
                    "Personalised: the shared model is trained as in weighted FedAvg; at the end each hospital trains "
                            + "it a few more epochs on its own patients and keeps that version as its own model.",
                    List.of(FINETUNE_EPOCHS, FINETUNE_LR),
                    (p, model) -> new FineTuning(wholeNumber(p.get("epochs"), "fine-tuning epochs"),
                            p.get("learningRate"))),
            new StrategyDescriptor(StrategyIds.FEDPER, "FedPer (own last layer at each hospital)",
                    "Personalised: only the first layers are shared and averaged; the last layer(s) are trained and "
                            + "kept at each hospital and never sent, so each hospital ends with its own model.",
                    List.of(new ParameterSpec("personalLayers", "Layers kept at each hospital", 1, 1, true, 100, true,
                            "how many of the model's last layers stay at each hospital (needs a hidden layer)")),
                    (p, model) -> new FedPer(wholeNumber(p.get("personalLayers"), "layers kept at each hospital"),
                            model)),
            new StrategyDescriptor(StrategyIds.FEDBN, "FedBN (own batch normalisation at each hospital)",
                    "Personalised, for image models with batch norm: everything is averaged as in weighted FedAvg "
                            + "except the batch normalisations, which each hospital trains and keeps, so that its own "
                            + "scanners' brightness and contrast are normalised by its own images.",
                    List.of(), (p, model) -> new FedBn(model)),
            new StrategyDescriptor(StrategyIds.DITTO, "Ditto (own model pulled towards the shared one)",
                    "Personalised: the shared model is trained as in weighted FedAvg, and each hospital also trains "
                            + "its own model, pulled towards the shared one with strength lambda; its own model stays "
                            + "at the hospital.",
                    List.of(ParameterSpec.nonNegative("lambda", "Lambda", 0.1,
                            "pull of each hospital's own model towards the shared one (0 = its own alone)")),
                    (p, model) -> new Ditto(p.get("lambda"))),
            new StrategyDescriptor(StrategyIds.FEDAVG_CHOOSE, "FedAvg, then each hospital keeps its best model",
                    "Personalised: after weighted FedAvg each hospital compares the shared model, its own model alone "
                            + "and the fine-tuned one on its own training patients, each part set aside in turn, and "
                            + "keeps the best, retrained on all its patients.",
                    List.of(new ParameterSpec("folds", "Folds", 5, 2, true, 20, true,
                                    "parts each hospital's training patients are split into, each set aside once to "
                                            + "score the models trained on the others", true),
                            FINETUNE_EPOCHS, FINETUNE_LR),
                    (p, model) -> new HeldOutChoice(wholeNumber(p.get("folds"), "folds"),
                            wholeNumber(p.get("epochs"), "fine-tuning epochs"), p.get("learningRate"))));

    private static int wholeNumber(double v, String what) {
        if (v != Math.rint(v)) {
            throw new BadInputException(what + " must be a whole number, was " + v);
        }
        return (int) v;
    }

    private StrategyCatalog() {
    }

    public static List<StrategyDescriptor> all() {
        return ALL;
    }

    public static Optional<StrategyDescriptor> find(String id) {
        return ALL.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The descriptor of {@code id}, or a message listing the known ids. */
    public static StrategyDescriptor require(String id) {
        return find(id).orElseThrow(() -> new BadInputException("strategy '" + id + "' is unknown; known strategies: "
                + String.join(", ", ALL.stream().map(StrategyDescriptor::id).toList())));
    }

    public static Strategy create(String id, Map<String, Double> parameters) {
        return require(id).create(parameters);
    }

    /** As {@link #create(String, Map)}, for a model with the layers of {@code model}. */
    public static Strategy create(String id, Map<String, Double> parameters, ModelLayout model) {
        return require(id).create(parameters, model);
    }
}
