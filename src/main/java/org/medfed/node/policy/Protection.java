package org.medfed.node.policy;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One differential-privacy mechanism a request asks the hospital to apply, as the hospital judges it.
 *
 * @param name        how a refusal names it ("DP-SGD", "client-level DP (dp.clip-noise)")
 * @param ineffective why it protects nothing although the request carries it, or empty when it does protect
 * @param epsilon     the epsilon the hospital can vouch for, or empty when it cannot tell
 * @param account     the clause after the name that says how that epsilon was found, or why it is unknown
 *                    ("would spend epsilon 3.2 at this hospital over its 50 planned rounds ...")
 */
record Protection(String name, Optional<String> ineffective, OptionalDouble epsilon, String account) {

    static Protection ineffective(String name, String why) {
        return new Protection(name, Optional.of(why), OptionalDouble.empty(), "");
    }

    static Protection withEpsilon(String name, double epsilon, String account) {
        return new Protection(name, Optional.empty(), OptionalDouble.of(epsilon), account);
    }

    static Protection unaccounted(String name, String account) {
        return new Protection(name, Optional.empty(), OptionalDouble.empty(), account);
    }

    boolean protects() {
        return ineffective.isEmpty();
    }
}
