package org.medfed.network.wire;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.engine.protocol.Value;
import org.medfed.network.proto.FloatVector;
import org.medfed.network.proto.LongVector;

/**
 * The protocol's plain data to and from its protobuf messages. Every value kind maps to exactly one wire kind, and
 * floats and integers travel as their exact bits, so a request means the same on both sides.
 */
public final class WireCodec {

    private WireCodec() {
    }

    public static org.medfed.network.proto.Params toWire(Params params) {
        org.medfed.network.proto.Params.Builder b = org.medfed.network.proto.Params.newBuilder();
        for (Map.Entry<String, Value> e : params.asMap().entrySet()) {
            b.putValues(e.getKey(), toWire(e.getValue()));
        }
        return b.build();
    }

    public static Params fromWire(org.medfed.network.proto.Params params) {
        Params.Builder b = Params.builder();
        for (Map.Entry<String, org.medfed.network.proto.Value> e : params.getValuesMap().entrySet()) {
            b.put(e.getKey(), fromWire(e.getKey(), e.getValue()));
        }
        return b.build();
    }

    public static org.medfed.network.proto.SiteRequest toWire(SiteRequest request) {
        org.medfed.network.proto.SiteRequest.Builder b = org.medfed.network.proto.SiteRequest.newBuilder()
                .setRound(request.round()).setCall(toWire(request.call()));
        for (ProcedureCall f : request.filters()) {
            b.addFilters(toWire(f));
        }
        return b.build();
    }

    /** @throws ProtocolException for an unknown procedure or a malformed value, naming it */
    public static SiteRequest fromWire(org.medfed.network.proto.SiteRequest request) {
        List<ProcedureCall> filters = new ArrayList<>();
        for (org.medfed.network.proto.ProcedureCall f : request.getFiltersList()) {
            filters.add(fromWire(f));
        }
        return new SiteRequest(request.getRound(), fromWire(request.getCall()), filters);
    }

    private static org.medfed.network.proto.ProcedureCall toWire(ProcedureCall call) {
        return org.medfed.network.proto.ProcedureCall.newBuilder().setProcedure(call.procedure().id())
                .setParams(toWire(call.params())).build();
    }

    private static ProcedureCall fromWire(org.medfed.network.proto.ProcedureCall call) {
        return new ProcedureCall(Procedure.require(call.getProcedure()), fromWire(call.getParams()));
    }

    private static org.medfed.network.proto.Value toWire(Value v) {
        org.medfed.network.proto.Value.Builder b = org.medfed.network.proto.Value.newBuilder();
        if (v instanceof Value.Floats f) {
            FloatVector.Builder fb = FloatVector.newBuilder();
            for (float x : f.values()) {
                fb.addValues(x);
            }
            b.setFloats(fb);
        } else if (v instanceof Value.Longs l) {
            LongVector.Builder lb = LongVector.newBuilder();
            for (long x : l.values()) {
                lb.addValues(x);
            }
            b.setLongs(lb);
        } else if (v instanceof Value.Bytes by) {
            b.setBytes(ByteString.copyFrom(by.bytes()));
        } else if (v instanceof Value.Number n) {
            b.setNumber(n.value());
        } else if (v instanceof Value.Text t) {
            b.setText(t.text());
        }
        return b.build();
    }

    private static Value fromWire(String key, org.medfed.network.proto.Value v) {
        switch (v.getKindCase()) {
            case FLOATS -> {
                FloatVector f = v.getFloats();
                float[] out = new float[f.getValuesCount()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = f.getValues(i);
                }
                return new Value.Floats(out);
            }
            case LONGS -> {
                LongVector l = v.getLongs();
                long[] out = new long[l.getValuesCount()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = l.getValues(i);
                }
                return new Value.Longs(out);
            }
            case BYTES -> {
                return new Value.Bytes(v.getBytes().toByteArray());
            }
            case NUMBER -> {
                return new Value.Number(v.getNumber());
            }
            case TEXT -> {
                return new Value.Text(v.getText());
            }
            default -> throw new ProtocolException("field '" + key + "' has no value");
        }
    }
}
