package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.medfed.engine.BadInputException;
import org.medfed.engine.clock.HospitalSpeeds;
import org.medfed.engine.clock.SpeedProfile;

/**
 * The simulated hospitals' speeds: a preset ({@code "uniform"}, or {@code "one-slow-hospital"}: the last hospital
 * by name ten times slower), the speed of every hospital, and hospitals with a speed of their own. Only a simulated
 * run uses it; over real nodes the speeds are real.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SimulationSection(String preset, Speed defaults, Map<String, Speed> hospitals) {

    public static final String UNIFORM = "uniform";
    public static final String ONE_SLOW = "one-slow-hospital";

    /** One hospital's speed; absent figures take the default profile's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Speed(Double secondsPerStep, Double downloadMbps, Double uploadMbps, Double dropout) {

        SpeedProfile over(SpeedProfile base, String where) {
            try {
                return new SpeedProfile(secondsPerStep == null ? base.secondsPerStep() : secondsPerStep,
                        downloadMbps == null ? base.downloadMbps() : downloadMbps,
                        uploadMbps == null ? base.uploadMbps() : uploadMbps,
                        dropout == null ? base.dropout() : dropout);
            } catch (BadInputException e) {
                throw new BadInputException("simulation, " + where + ": " + e.getMessage(), e);
            }
        }

        static Speed of(SpeedProfile p) {
            return new Speed(p.secondsPerStep(), p.downloadMbps(), p.uploadMbps(), p.dropout());
        }
    }

    public SimulationSection {
        preset = preset == null ? UNIFORM : preset.toLowerCase(Locale.ROOT);
        hospitals = hospitals == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(hospitals));
    }

    /** The teaching preset over the default speeds. */
    public static SimulationSection oneSlowHospital() {
        return new SimulationSection(ONE_SLOW, null, null);
    }

    /** The clock of a run of {@code participants}; a hospital named here but not in the study is refused. */
    public HospitalSpeeds speeds(Collection<String> participants) {
        SpeedProfile base = defaults == null ? SpeedProfile.DEFAULT : defaults.over(SpeedProfile.DEFAULT, "defaults");
        HospitalSpeeds preset = switch (this.preset) {
            case UNIFORM -> new HospitalSpeeds(base, Map.of());
            case ONE_SLOW -> HospitalSpeeds.oneSlow(participants, base);
            default -> throw new BadInputException("simulation: preset '" + this.preset + "' is unknown; choose "
                    + UNIFORM + " or " + ONE_SLOW);
        };
        Map<String, SpeedProfile> own = new LinkedHashMap<>(preset.profiles());
        java.util.Set<String> known = new java.util.HashSet<>(participants); // a list's contains: quadratic
        hospitals.forEach((name, speed) -> {
            if (!known.contains(name)) {
                throw new BadInputException("simulation: hospital '" + name + "' has a speed but is not a participant "
                        + "of the study; participants: " + String.join(", ", participants));
            }
            own.put(name, speed.over(preset.profile(name), "hospital '" + name + "'"));
        });
        return new HospitalSpeeds(base, own);
    }

    /** Every hospital's profile written out, for the model card. */
    public Map<String, Speed> describe(Collection<String> participants) {
        HospitalSpeeds s = speeds(participants);
        Map<String, Speed> out = new TreeMap<>();
        participants.forEach(p -> out.put(p, Speed.of(s.profile(p))));
        return out;
    }
}
