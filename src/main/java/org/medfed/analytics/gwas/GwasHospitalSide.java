package org.medfed.analytics.gwas;

import java.util.function.Function;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.protocol.SiteRequest;

/**
 * A hospital's side of the association study: it answers the catalogue's {@code gwas.*} requests from its own
 * {@link GwasSite}, whose files never leave. The same code answers in a simulation (in this process) and at a
 * node, so every association study exercises the protocol.
 *
 * <p>Every reply also states {@value #SAMPLES}, the number of samples it rests on, so that a node's policy can
 * hold it to the hospital's minimum count.
 */
public final class GwasHospitalSide {

    /** The reply field with the number of samples the hospital analyses. */
    public static final String SAMPLES = "samples";

    private final Function<SitePlan, GwasSite> open;
    private GwasSite site;
    private SitePlan plan;
    private int samples = -1;

    /**
     * @param open gives the site that answers a study with this plan: its files, under the plan's name for the
     *             hospital; the previous study's site is closed first
     */
    public GwasHospitalSide(Function<SitePlan, GwasSite> open) {
        this.open = open;
    }

    /** Samples analysed once a study is prepared, else -1. */
    public synchronized int samples() {
        return samples;
    }

    /** Answers one request; requests of one study come one at a time, in the order of {@link GwasSite}. */
    public synchronized Params handle(SiteRequest request) {
        Params p = request.params();
        Params reply = switch (request.procedure()) {
            case GWAS_PREPARE -> prepare(GwasPrepareCodec.plan(p));
            case GWAS_COUNTS -> GwasCountsCodec.reply(prepared(request).variantCounts());
            case GWAS_SUMS -> GwasSumsCodec.reply(prepared(request).modelSums(modelRequest(p)));
            default -> throw new ProtocolException("'" + request.procedure().id() + "' is not a step of the "
                    + "association study (gwas.prepare, gwas.counts, gwas.sums)");
        };
        return reply.toBuilder().number(SAMPLES, samples).build();
    }

    /** Forgets the study and releases the site's work files. */
    public synchronized void close() {
        if (site != null) {
            site.close();
            site = null;
        }
        plan = null;
        samples = -1;
    }

    private Params prepare(SitePlan newPlan) {
        close();
        site = open.apply(newPlan);
        SiteSummary summary = site.prepare(newPlan);
        plan = newPlan;
        samples = summary.analysed();
        return GwasPrepareCodec.reply(summary);
    }

    /** The coefficients must fit the design the study was prepared with: one block of columns per variant. */
    private ModelRequest modelRequest(Params p) {
        ModelRequest r = GwasSumsCodec.modelRequest(p);
        int columns = plan.design().columns();
        if (r.betas().length != (long) r.variants().length * columns) {
            throw new ProtocolException("'gwas.sums' sent " + r.betas().length + " coefficients for "
                    + r.variants().length + " variants; the study's design has " + columns + " per variant");
        }
        return r;
    }

    private GwasSite prepared(SiteRequest request) {
        if (plan == null) {
            throw new ProtocolException("the coordinator asked for '" + request.procedure().id()
                    + "' before 'gwas.prepare'");
        }
        return site;
    }
}
