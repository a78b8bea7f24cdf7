package org.medfed.engine.strategy;

/** The strategy ids written in study files; they never change once published. */
public final class StrategyIds {

    public static final String FEDAVG = "fedavg";
    public static final String WEIGHTED_FEDAVG = "weighted-fedavg";
    public static final String CUSTOM_WEIGHTED_FEDAVG = "custom-weighted-fedavg";
    public static final String FEDSGD = "fedsgd";
    public static final String FEDPROX = "fedprox";
    public static final String FEDADAM = "fedadam";
    public static final String FEDYOGI = "fedyogi";
    public static final String FEDADAGRAD = "fedadagrad";
    public static final String SCAFFOLD = "scaffold";
    public static final String CYCLIC = "cyclic";
    public static final String FEDASYNC = "fedasync";
    public static final String FEDASYNC_POLYNOMIAL = "fedasync-polynomial";
    public static final String FEDASYNC_HINGE = "fedasync-hinge";
    public static final String FEDBUFF = "fedbuff";
    public static final String FEDAVG_FINETUNE = "fedavg-finetune";
    public static final String FEDPER = "fedper";
    public static final String DITTO = "ditto";
    public static final String FEDAVG_CHOOSE = "fedavg-choose";
    public static final String FEDBN = "fedbn";

    private StrategyIds() {
    }
}
