package org.medfed.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each {@code with...} copy of a study changes what it names and keeps every other section: two copies written by
 * hand once dropped the compression and simulation sections (a study renamed on the Task screen lost them).
 */
class StudyCopiesTest {

    @Test
    void everyWithMethodKeepsTheOtherSections() throws Exception {
        Study full = Study.empty().withName("n").withDescription("d")
                .withParticipants(List.of(new ParticipantEntry("a", "a.csv")))
                .withData(DataSection.forLabel("y"))
                .withCompression(new CompressionSection("quantise", 8, null, null))
                .withSimulation(SimulationSection.oneSlowHospital())
                .withCoordinator(new CoordinatorSection(7000, null, null))
                .withSeed(7);
        List<String> checked = new ArrayList<>();
        for (Method m : Study.class.getMethods()) {
            if (!m.getName().startsWith("with") || m.getParameterCount() != 1) {
                continue;
            }
            Object sameValue = sameValueFor(full, m);
            if (sameValue == null) {
                continue;
            }
            Study copy = (Study) m.invoke(full, sameValue);
            for (RecordComponent c : Study.class.getRecordComponents()) {
                if (c.getName().equals("dataType")) {
                    continue; // withImaging makes the study an image study, on purpose
                }
                assertThat(c.getAccessor().invoke(copy)).as(m.getName() + " keeps " + c.getName())
                        .isEqualTo(c.getAccessor().invoke(full));
            }
            checked.add(m.getName());
        }
        assertThat(checked).contains("withName", "withDescription", "withData", "withParticipants", "withModel",
                "withStrategy", "withTraining", "withCompression", "withSimulation", "withCoordinator", "withSeed");
    }

    /** The study's own value of what {@code m} sets, so that an honest copy equals the study. */
    private static Object sameValueFor(Study s, Method m) throws Exception {
        String component = Character.toLowerCase(m.getName().charAt(4)) + m.getName().substring(5);
        for (RecordComponent c : Study.class.getRecordComponents()) {
            if (c.getName().equals(component)) {
                return c.getAccessor().invoke(s);
            }
        }
        return null;
    }
}
