package org.medfed.data.dicom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * UIDs under the root 2.25, which PS3.5 B.2 reserves for UIDs made from a UUID: no registered organisation
 * root is needed, and a name-based UUID makes them reproducible from a seed.
 */
public final class Uids {

    public static final String ROOT = "2.25";

    private Uids() {
    }

    public static String fromUuid(UUID uuid) {
        ByteBuffer b = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return ROOT + "." + new BigInteger(1, b.array());
    }

    /** The same name gives the same UID: "seed 42 / hospital-a / study" and so on. */
    public static String fromName(String name) {
        return fromUuid(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }
}
