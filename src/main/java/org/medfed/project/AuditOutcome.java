package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a hospital node did with one request, as its audit log says. */
public enum AuditOutcome {
    /** Answered: the reply left the hospital. */
    SERVED,
    /** Not answered because the hospital's policy forbids it; nothing left but the refusal. */
    REFUSED,
    /** Not answered because running it failed; nothing left but the error. */
    FAILED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AuditOutcome byId(String id) {
        return Arrays.stream(values()).filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("outcome '" + id
                        + "' is not served, refused or failed"));
    }
}
