package org.medfed.analytics.gwas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.medfed.engine.BadInputException;
import org.medfed.engine.SiteFailure;
import org.medfed.testsupport.TestWorkers;
import org.medfed.transport.InProcessTransport;

/** The study reaches its hospitals through the run's transport: at once, in site order, under the time limit. */
class EverySiteTest {

    /** A hospital that takes {@code millis} to answer with its name, or fails with {@code failure}. */
    private record FakeSite(String name, long millis, RuntimeException failure) implements GwasSite {
        String answer() {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            if (failure != null) {
                throw failure;
            }
            return name;
        }

        @Override
        public SiteSummary prepare(SitePlan plan) {
            throw new UnsupportedOperationException();
        }

        @Override
        public VariantCounts variantCounts() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ModelSums modelSums(ModelRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    private static List<String> ask(List<GwasSite> sites, Duration limit) {
        try (InProcessTransport transport = new InProcessTransport(TestWorkers.shared(), sites.size())) {
            return new EverySite(sites, transport, limit).ask(site -> ((FakeSite) site).answer());
        }
    }

    @Test
    void answersComeInSiteOrderWhateverOrderTheyArriveIn() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<GwasSite> sites = List.of(new FakeSite("a", 300, null), new FakeSite("b", 0, null),
                new FakeSite("c", 150, null));
        try (InProcessTransport transport = new InProcessTransport(TestWorkers.shared(), 3)) {
            List<String> answers = new EverySite(sites, transport, Duration.ofSeconds(30)).ask(site -> {
                threads.add(Thread.currentThread().getName());
                return ((FakeSite) site).answer();
            });
            assertThat(answers).containsExactly("a", "b", "c");
        }
        // asked at once, on the transport's threads, not on the caller's
        assertThat(threads).hasSize(3).noneMatch(t -> t.equals(Thread.currentThread().getName()));
    }

    @Test
    void aHospitalPastTheTimeLimitEndsTheStudyWithItsName() {
        List<GwasSite> sites = List.of(new FakeSite("a", 0, null), new FakeSite("b", 5_000, null));
        assertThatThrownBy(() -> ask(sites, Duration.ofMillis(200))).isInstanceOf(SiteFailure.class)
                .hasMessage("b: did not answer within 200 ms (the study's time limit for one call to a hospital)");
    }

    @Test
    void aHospitalsOwnErrorReachesTheCallerAsItIs() {
        BadInputException bad = new BadInputException("b.csv: line 3: column 'age' is 'abc', expected a number");
        List<GwasSite> sites = List.of(new FakeSite("a", 0, null), new FakeSite("b", 0, bad));
        assertThatThrownBy(() -> ask(sites, Duration.ofSeconds(30))).isSameAs(bad);
    }
}
