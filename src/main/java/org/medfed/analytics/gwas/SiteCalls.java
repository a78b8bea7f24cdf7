package org.medfed.analytics.gwas;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.medfed.engine.RunCancelledException;

/**
 * Asks every site the same question at once and returns the answers in site order, so that sums over
 * sites are added in the same order whatever the thread timing.
 */
final class SiteCalls {

    private final List<GwasSite> sites;
    private final ExecutorService executor;

    SiteCalls(List<GwasSite> sites, ExecutorService executor) {
        this.sites = sites;
        this.executor = executor;
    }

    <T> List<T> each(Function<GwasSite, T> question) {
        return each((index, site) -> question.apply(site));
    }

    /** As {@link #each(Function)}, the question also receiving the site's position in the study. */
    <T> List<T> each(BiFunction<Integer, GwasSite, T> question) {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            int index = i;
            GwasSite site = sites.get(i);
            futures.add(executor.submit(() -> question.apply(index, site)));
        }
        List<T> answers = new ArrayList<>();
        try {
            for (Future<T> f : futures) {
                answers.add(f.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new RunCancelledException();
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
        return answers;
    }

    int size() {
        return sites.size();
    }
}
