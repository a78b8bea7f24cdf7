package org.medfed.network.pki;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** When a certificate may be used: from {@code notBefore} to {@code notAfter}, both inclusive. */
public record Validity(Instant notBefore, Instant notAfter) {

    /** Two years: a multi-site study usually runs that long; a new kit after that is cheap. */
    public static final int DEFAULT_DAYS = 730;

    /** Hospitals' clocks drift: a certificate made now must already be valid on a machine a little behind. */
    static final Duration CLOCK_SKEW = Duration.ofHours(1);

    public Validity {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        // X.509 times have whole seconds; truncating here keeps what is asked equal to what is written
        notBefore = notBefore.truncatedTo(ChronoUnit.SECONDS);
        notAfter = notAfter.truncatedTo(ChronoUnit.SECONDS);
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " is not after notBefore " + notBefore);
        }
    }

    /** Valid for {@code days} days from {@code now}, and from a little before now. */
    public static Validity days(int days, Instant now) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, not " + days);
        }
        return new Validity(now.minus(CLOCK_SKEW), now.plus(Duration.ofDays(days)));
    }

    /** The time both cover, if any. */
    Optional<Validity> intersect(Validity other) {
        Instant from = notBefore.isAfter(other.notBefore) ? notBefore : other.notBefore;
        Instant to = notAfter.isBefore(other.notAfter) ? notAfter : other.notAfter;
        return to.isAfter(from) ? Optional.of(new Validity(from, to)) : Optional.empty();
    }
}
