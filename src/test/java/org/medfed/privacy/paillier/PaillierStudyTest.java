package org.medfed.privacy.paillier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.medfed.privacy.PrivacyFixtures.participant;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.site.InProcessParticipant;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunStatus;
import org.medfed.privacy.PrivacyFixtures;
import org.medfed.privacy.PrivacyFixtures.MeanStrategy;
import org.medfed.privacy.SecureSum;
import org.medfed.privacy.random.RandomSource;

class PaillierStudyTest {

    @Test
    void aStudyWithPaillierAggregationReachesThePlainMean() {
        int dim = 100;
        List<InProcessParticipant> ps = new ArrayList<>();
        for (int h = 0; h < 4; h++) {
            float[] d = new float[dim];
            for (int i = 0; i < dim; i++) {
                d[i] = (float) (0.02 * ((h * 5 + i) % 21 - 10));
            }
            ps.add(participant("h" + h, d));
        }
        RandomSource random = RandomSource.seeded(8);
        PaillierKeyHolder holder = PaillierKeyHolder.generate(2048, 2, random.secureRandom("paillier.key", 0));
        FixedPointPacking packing = new FixedPointPacking(24, 1.0, 16, holder.publicKey().bits(), true);
        MeanStrategy inner = new MeanStrategy();
        PaillierAggregation strategy = new PaillierAggregation(inner, holder.publicKey(), holder, packing, random);
        ModelVector initial = ModelVector.of(PrivacyFixtures.filled(dim, 1f));
        RunHistory secure = PrivacyFixtures.run(strategy, ps, 2, 1.0, 1, initial);
        RunHistory plain = PrivacyFixtures.run(new MeanStrategy(), ps, 2, 1.0, 1, initial);
        assertThat(secure.status()).isEqualTo(RunStatus.FINISHED);
        for (int i = 0; i < dim; i++) {
            assertThat(secure.model().get(i)).isCloseTo(plain.model().get(i), within(1e-5f));
        }
        assertThat(inner.lastUpdates).singleElement()
                .satisfies(u -> assertThat(u.participant()).isEqualTo(SecureSum.PARTICIPANT));
        RoundRecord r = secure.rounds().get(0);
        // 101 values (100 + the clipped report) in slots of bitLength(2 * 2^24 * 16) = 30 bits, 68 per plaintext:
        // 2 ciphertexts of 512 bytes per participant
        assertThat(r.diagnostics()).containsEntry(PaillierAggregation.CIPHERTEXTS_PER_PARTICIPANT, 2.0)
                .containsEntry(PaillierAggregation.BYTES_UP, 4.0 * 2 * 512)
                .containsEntry(PaillierAggregation.CONTRIBUTORS, 4.0)
                .containsEntry(PaillierAggregation.CLIPPED_FRACTION, 0.0);
    }
}
