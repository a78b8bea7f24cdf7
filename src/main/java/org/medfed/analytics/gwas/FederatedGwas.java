package org.medfed.analytics.gwas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.data.vcf.PhenotypeKind;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ParticipantTransport;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.transport.SameThreadTransport;

/**
 * The coordinator of a federated association study. It asks the sites to prepare, sums their genotype
 * counts per variant for quality control and the count-based tests, and drives the federated regression;
 * it never receives a genotype or a phenotype row, and its statistics equal those of the pooled analysis.
 */
public final class FederatedGwas {

    private static final int EXAMPLES = 5;

    private final GwasSettings settings;
    private final RunControl control;
    private final GwasProgress progress;

    public FederatedGwas(GwasSettings settings) {
        this(settings, RunControl.free(), GwasProgress.NONE);
    }

    /**
     * @param control checked between rounds, so that a stop request ends the study promptly
     * @param progress told how far each stage is
     */
    public FederatedGwas(GwasSettings settings, RunControl control, GwasProgress progress) {
        this.settings = settings;
        this.control = control;
        this.progress = progress;
    }

    /**
     * Runs the study asking one site after another on this thread, without a time limit: for a single hospital's
     * check and for tests. The caller owns the sites and closes them afterwards.
     */
    public GwasResult run(List<GwasSite> sites) {
        return run(sites, new SameThreadTransport(), RunConfig.DEFAULT_TIMEOUT);
    }

    /**
     * Runs the study, reaching the sites through {@code transport} (the run's one way to reach hospitals, with its
     * threads): each question goes to every site at once, each call under {@code timeLimit}, and the answers are
     * added in site order, so a rerun is bit-identical whatever the threads. The caller owns the sites and the
     * transport and closes them afterwards ({@link GwasRunner} does).
     */
    public GwasResult run(List<GwasSite> sites, ParticipantTransport transport, Duration timeLimit) {
        if (sites.isEmpty()) {
            throw new BadInputException("the study has no hospital");
        }
        List<String> names = sites.stream().map(GwasSite::name).toList();
        if (new HashSet<>(names).size() != names.size()) {
            throw new BadInputException("hospital names must be different, found: " + String.join(", ", names));
        }
        EverySite calls = new EverySite(sites, transport, timeLimit);
        DesignLayout layout = new DesignLayout(settings.phenotype().covariates(), names, settings.adjustForSite());
        boolean binary = settings.phenotype().kind() == PhenotypeKind.BINARY;

        progress.update("reading genotypes", 0, sites.size());
        List<SiteSummary> summaries = calls.ask((index, site) -> site.prepare(new SitePlan(settings.phenotype(),
                settings.qc().minSampleCallRate(), settings.multiAllelic(), layout, index)));
        control.checkpoint();
        long cases = summaries.stream().mapToLong(SiteSummary::cases).sum();
        long controls = summaries.stream().mapToLong(SiteSummary::controls).sum();
        if (binary && (cases == 0 || controls == 0)) {
            throw new BadInputException("the phenotype '" + settings.phenotype().phenotypeColumn() + "' has "
                    + cases + " cases and " + controls + " controls over all hospitals; a case/control study "
                    + "needs both");
        }

        progress.update("counting genotypes", 0, sites.size());
        // the hospitals' lists are not kept past the join
        Joined joined = join(calls.ask(GwasSite::variantCounts));
        control.checkpoint();
        VariantQc qc = new VariantQc(settings.qc(), binary);
        StudyVariants all = joined.variants();
        int[] passed = new int[all.size()];
        int passing = 0;
        long[] failed = new long[VariantQc.Verdict.values().length];
        for (int v = 0; v < all.size(); v++) {
            VariantQc.Verdict verdict = qc.judge(all.cases(v), all.controls(v));
            failed[verdict.ordinal()]++;
            if (verdict == VariantQc.Verdict.PASS) {
                passed[passing++] = v;
            }
        }
        StudyVariants tested = all.select(Arrays.copyOf(passed, passing));
        QcReport report = new QcReport(joined.seen(), joined.notEverywhere(), joined.examples(),
                failed[VariantQc.Verdict.CALL_RATE.ordinal()], failed[VariantQc.Verdict.MAF.ordinal()],
                failed[VariantQc.Verdict.HWE.ordinal()], tested.size());

        List<AssociationResult> results = settings.test().countBased()
                ? countTests(tested)
                : regression(calls, layout, tested, cases, controls);
        double lambda = GenomicInflation.lambda(results.stream().filter(AssociationResult::tested)
                .mapToDouble(r -> chiSquare(r)).toArray());
        progress.update("done", 1, 1);
        return new GwasResult(settings, layout.names(), summaries, report, results, lambda);
    }

    private List<AssociationResult> countTests(StudyVariants tested) {
        List<AssociationResult> results = new ArrayList<>(tested.size());
        for (StudyVariant v : tested) {
            CountTests.Outcome o = settings.test() == AssociationTest.ALLELIC
                    ? CountTests.allelic(v.cases(), v.controls())
                    : CountTests.trend(v.cases(), v.controls());
            String note = Double.isNaN(o.p()) ? "no statistic: one allele or one phenotype group is absent" : "";
            results.add(new AssociationResult(v.info(), v.altFrequency(), v.all().called(), o.oddsRatio(), o.logOrSe(),
                    o.chiSquare(), o.p(), Tails.chiSquare1NegLog10(o.chiSquare(), o.p()), note));
        }
        return results;
    }

    private List<AssociationResult> regression(EverySite calls, DesignLayout layout, StudyVariants tested,
            long cases, long controls) {
        boolean logistic = settings.test() == AssociationTest.LOGISTIC;
        FederatedRegression regression = new FederatedRegression(calls, layout,
                logistic ? GlmFamily.LOGISTIC : GlmFamily.LINEAR, control);
        double start = logistic ? Math.log((double) cases / controls) : 0;
        RegressionFit[] fits = regression.fit(tested, start, progress);
        List<AssociationResult> results = new ArrayList<>(tested.size());
        for (int i = 0; i < fits.length; i++) {
            StudyVariant v = tested.get(i);
            RegressionFit f = fits[i];
            double effect = logistic ? Math.exp(f.beta()) : f.beta();
            results.add(new AssociationResult(v.info(), v.altFrequency(), f.n(), effect, f.se(), f.statistic(), f.p(),
                    f.negLog10P(), f.note()));
        }
        return results;
    }

    /** The 1-df chi-square of a result, for lambda: the statistic itself, z^2, or from the t-test's p. */
    private double chiSquare(AssociationResult r) {
        return switch (settings.test()) {
            case ALLELIC, TREND -> r.statistic();
            case LOGISTIC -> r.statistic() * r.statistic();
            case LINEAR -> Tails.chiSquare1Equivalent(r.p());
        };
    }

    private record Joined(StudyVariants variants, long seen, long notEverywhere, List<String> examples) {
    }

    /** Variants present at every site, with summed counts, in genome order. */
    private static Joined join(List<VariantCounts> counts) {
        int sites = counts.size();
        List<VariantColumns> lists = counts.stream().map(VariantCounts::columns).toList();
        // each site's variants by key: where each site has it, and which site's description is kept
        VariantColumns first = lists.get(0);
        // sized for the first site's list, which holds most of the variants: the table is never rebuilt as it grows
        Map<JoinKey, Place> where = new LinkedHashMap<>(first.size() * 4 / 3 + 16);
        Place[] firstPlaces = new Place[first.size()];
        for (int s = 0; s < sites; s++) {
            VariantColumns variants = lists.get(s);
            for (int v = 0; v < variants.size(); v++) {
                // hospitals mostly list the same variants in the same order: the first hospital's variant at the
                // same index is compared before the table is searched
                Place place = s > 0 && v < firstPlaces.length && JoinKey.same(first, v, variants, v) ? firstPlaces[v]
                        : null;
                if (place == null) {
                    Place fresh = new Place(sites, s, v);
                    Place known = where.putIfAbsent(JoinKey.of(variants, v), fresh);
                    place = known != null ? known : fresh;
                }
                if (!lists.get(place.site).hasId(place.at) && variants.hasId(v)) {
                    place.site = s;
                    place.at = v;
                }
                place.index[s] = v;
                if (s == 0) {
                    firstPlaces[v] = place;
                }
            }
        }
        StudyVariants.Builder joined = new StudyVariants.Builder(sites, where.size());
        List<String> missing = new ArrayList<>();
        long notEverywhere = 0;
        long[] sum = new long[VariantCounts.WIDTH];
        for (Place place : where.values()) {
            int[] idx = place.index;
            boolean everywhere = true;
            for (int i : idx) {
                everywhere &= i >= 0;
            }
            if (!everywhere) {
                notEverywhere++;
                if (missing.size() < EXAMPLES) {
                    missing.add(lists.get(place.site).get(place.at).key());
                }
                continue;
            }
            Arrays.fill(sum, 0);
            for (int s = 0; s < sites; s++) {
                long[] site = counts.get(s).rawCounts();
                int offset = idx[s] * VariantCounts.WIDTH;
                for (int k = 0; k < VariantCounts.WIDTH; k++) {
                    sum[k] += site[offset + k];
                }
            }
            joined.add(lists.get(place.site), place.at, idx, sum);
        }
        return new Joined(joined.build().inGenomeOrder(), where.size(), notEverywhere, missing);
    }

    /**
     * What makes two sites' records the same variant ({@link VariantInfo}): a key without a String of its own, whose
     * contig and allele Strings are mostly the ones every variant of a list shares ({@link SharedTexts}), so their
     * hashes are kept and comparing them mostly compares references.
     */
    private record JoinKey(String chrom, int position, String ref, String alt) {

        /** Variant {@code v}'s key. */
        static JoinKey of(VariantColumns list, int v) {
            return new JoinKey(list.chrom(v), list.position(v), list.ref(v), list.alt(v));
        }

        /** Whether {@code of(a, v).equals(of(b, w))}, without making the keys. */
        static boolean same(VariantColumns a, int v, VariantColumns b, int w) {
            return a.position(v) == b.position(w) && a.chrom(v).equals(b.chrom(w)) && a.ref(v).equals(b.ref(w))
                    && a.alt(v).equals(b.alt(w));
        }
    }

    /**
     * Where each site holds one variant (-1: not there), and whose description is kept for it: the first site's, or
     * the first with an ID when the sites before it have none.
     */
    private static final class Place {
        final int[] index;
        int site;
        int at;

        Place(int sites, int site, int at) {
            index = new int[sites];
            Arrays.fill(index, -1);
            this.site = site;
            this.at = at;
        }
    }
}
