package org.medfed.analytics.gwas;

import org.medfed.engine.Participant;
import org.medfed.engine.RunControl;
import org.medfed.engine.SiteFailure;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.SiteRequest;

/**
 * A hospital of the association study reached through the participant protocol: each call is a {@code gwas.*}
 * request of the catalogue to a {@link Participant} (a node across the network, or a simulated hospital in this
 * process), and each answer comes back as counts and sums decoded exactly as the hospital computed them.
 */
public final class RemoteGwasSite implements GwasSite {

    private final Participant hospital;
    private final RunControl control;
    private final Runnable release;
    private DesignLayout design;

    /** A hospital behind {@code hospital}; its files and work files are its own, so closing this releases nothing. */
    public RemoteGwasSite(Participant hospital, RunControl control) {
        this(hospital, control, () -> { });
    }

    private RemoteGwasSite(Participant hospital, RunControl control, Runnable release) {
        this.hospital = hospital;
        this.control = control;
        this.release = release;
    }

    /**
     * A simulated hospital: {@code local} answers in this process through the same requests a node would get;
     * closing this site closes {@code local}.
     */
    public static RemoteGwasSite inProcess(GwasSite local, RunControl control) {
        return new RemoteGwasSite(new InProcessGwasHospital(local), control, local::close);
    }

    @Override
    public String name() {
        return hospital.name();
    }

    @Override
    public SiteSummary prepare(SitePlan plan) {
        SiteSummary summary = GwasPrepareCodec.summary(ask(Procedure.GWAS_PREPARE, GwasPrepareCodec.request(plan)));
        design = plan.design();
        return summary;
    }

    @Override
    public VariantCounts variantCounts() {
        return GwasCountsCodec.counts(ask(Procedure.GWAS_COUNTS, Params.EMPTY));
    }

    @Override
    public ModelSums modelSums(ModelRequest request) {
        if (design == null) {
            throw new IllegalStateException(name() + ": prepare() must come first");
        }
        return GwasSumsCodec.sums(ask(Procedure.GWAS_SUMS, GwasSumsCodec.request(request)),
                request.variants().length, design);
    }

    @Override
    public void close() {
        release.run();
    }

    private Params ask(Procedure procedure, Params params) {
        try {
            return hospital.call(SiteRequest.of(0, procedure, params), control);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw SiteFailure.failed(hospital.name(), e.toString());
        }
    }

    @Override
    public String toString() {
        return "RemoteGwasSite[" + name() + "]";
    }
}
