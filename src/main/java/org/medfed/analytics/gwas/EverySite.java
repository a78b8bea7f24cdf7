package org.medfed.analytics.gwas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.medfed.engine.CallOutcome;
import org.medfed.engine.ParticipantCall;
import org.medfed.engine.ParticipantTransport;
import org.medfed.engine.RunCancelledException;
import org.medfed.engine.SiteFailure;

/**
 * Asks every site the same question through the run's transport, concurrently and each call under the time
 * limit, and returns the answers in site order, so that sums over sites are added in the same order whatever the
 * timing. The study needs every hospital (its statistics are those of all samples together), so one failed or
 * late answer ends it with that hospital's reason.
 */
final class EverySite {

    private final List<GwasSite> sites;
    private final ParticipantTransport transport;
    private final Duration timeLimit;

    EverySite(List<GwasSite> sites, ParticipantTransport transport, Duration timeLimit) {
        this.sites = sites;
        this.transport = transport;
        this.timeLimit = timeLimit;
    }

    <T> List<T> ask(Function<GwasSite, T> question) {
        return ask((index, site) -> question.apply(site));
    }

    /** As {@link #ask(Function)}, the question also receiving the site's position in the study. */
    <T> List<T> ask(BiFunction<Integer, GwasSite, T> question) {
        List<ParticipantCall<T>> calls = new ArrayList<>(sites.size());
        for (int i = 0; i < sites.size(); i++) {
            int index = i;
            GwasSite site = sites.get(i);
            calls.add(new ParticipantCall<>(site.name(), () -> question.apply(index, site)));
        }
        List<CallOutcome<T>> outcomes = transport.callAll(calls, timeLimit, outcome -> { });
        List<T> answers = new ArrayList<>(outcomes.size());
        for (CallOutcome<T> o : outcomes) {
            if (!o.succeeded()) {
                throw failure(o);
            }
            answers.add(o.value());
        }
        return answers;
    }

    /** The hospital's own exception when there is one (a bad file names itself), else its reason in words. */
    private RuntimeException failure(CallOutcome<?> o) {
        if (o.timedOut()) {
            return SiteFailure.failed(o.participant(), "did not answer within " + seconds(timeLimit)
                    + " (the study's time limit for one call to a hospital)");
        }
        Throwable e = o.error();
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new RunCancelledException();
        }
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return SiteFailure.failed(o.participant(), String.valueOf(e));
    }

    private static String seconds(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return d.toMillis() + " ms";
        }
        return s >= 60 && s % 60 == 0 ? (s / 60) + " min" : s + " s";
    }
}
