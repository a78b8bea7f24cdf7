package org.medfed.data.dicom;

import java.util.Map;
import java.util.HashMap;

/** DICOM value representations (PS3.5 section 6.2), with what the parser needs to know about each. */
public enum Vr {
    AE(Kind.TEXT, false), AS(Kind.TEXT, false), AT(Kind.BINARY, false), CS(Kind.TEXT, false),
    DA(Kind.TEXT, false), DS(Kind.TEXT, false), DT(Kind.TEXT, false), FD(Kind.BINARY, false),
    FL(Kind.BINARY, false), IS(Kind.TEXT, false), LO(Kind.TEXT, false), LT(Kind.TEXT, false),
    OB(Kind.BINARY, true), OD(Kind.BINARY, true), OF(Kind.BINARY, true), OL(Kind.BINARY, true),
    OV(Kind.BINARY, true), OW(Kind.BINARY, true), PN(Kind.TEXT, false), SH(Kind.TEXT, false),
    SL(Kind.BINARY, false), SQ(Kind.SEQUENCE, true), SS(Kind.BINARY, false), ST(Kind.TEXT, false),
    SV(Kind.BINARY, true), TM(Kind.TEXT, false), UC(Kind.TEXT, true), UI(Kind.TEXT, false),
    UL(Kind.BINARY, false), UN(Kind.BINARY, true), UR(Kind.TEXT, true), US(Kind.BINARY, false),
    UT(Kind.TEXT, true), UV(Kind.BINARY, true);

    /** How a value of this VR is held. */
    public enum Kind { TEXT, BINARY, SEQUENCE }

    private static final Map<Integer, Vr> BY_CODE = new HashMap<>();

    static {
        for (Vr vr : values()) {
            BY_CODE.put(code(vr.name().charAt(0), vr.name().charAt(1)), vr);
        }
    }

    private final Kind kind;
    private final boolean longHeader;

    Vr(Kind kind, boolean longHeader) {
        this.kind = kind;
        this.longHeader = longHeader;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * In explicit VR syntaxes these VRs are followed by two reserved bytes and a 32-bit length; the others
     * by a 16-bit length (PS3.5 7.1.2).
     */
    public boolean hasLongHeader() {
        return longHeader;
    }

    /** The VR spelled by two bytes, or null when they are not a VR. */
    public static Vr fromBytes(int b0, int b1) {
        return BY_CODE.get(code(b0, b1));
    }

    private static int code(int a, int b) {
        return ((a & 0xFF) << 8) | (b & 0xFF);
    }
}
