/**
 * Formal privacy for federated studies: differential privacy ({@code .dp}), secure aggregation
 * ({@code .secagg}) and homomorphic aggregation ({@code .paillier}).
 *
 * <p>Everything here wraps a {@link org.medfed.engine.Strategy} or filters what a participant sends; nothing
 * branches inside an aggregation rule. Randomness comes from {@code .random}: a ChaCha20 generator keyed
 * from {@link java.security.SecureRandom} in real runs, or from a seed in tests. See {@code docs/privacy.md}.
 */
package org.medfed.privacy;
