package org.medfed.network.wire;

import com.google.protobuf.CodedOutputStream;
import java.util.Map;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.engine.protocol.Value;

/**
 * The bytes a request or a reply takes on the wire, as {@link WireCodec} encodes it, counted without building the
 * protobuf messages. A simulated hospital reports these sizes for every call (metrics.csv's bytes_down and bytes_up),
 * and building the messages only to measure them cost a simulated study more CPU than its training: the message
 * classes, their descriptors and the map entries. The counts follow the encoding of {@code medfed_federation.proto}
 * field by field with protobuf's own size functions; {@code WireSizeTest} holds them equal to
 * {@code WireCodec.toWire(...).getSerializedSize()} for every kind of value.
 */
public final class WireSize {

    private WireSize() {
    }

    /** {@code WireCodec.toWire(request).getSerializedSize()}. */
    public static int of(SiteRequest request) {
        // proto3: a zero round is not written; the call is always set, so written even when empty
        int size = request.round() == 0 ? 0 : CodedOutputStream.computeInt32Size(1, request.round());
        size += message(2, of(request.call()));
        for (ProcedureCall filter : request.filters()) {
            size += message(3, of(filter));
        }
        return size;
    }

    /** {@code WireCodec.toWire(params).getSerializedSize()}. */
    public static int of(Params params) {
        int size = 0;
        for (Map.Entry<String, Value> e : params.asMap().entrySet()) {
            // a map entry is a message of its key (1) and value (2), both always written
            size += message(1, CodedOutputStream.computeStringSize(1, e.getKey()) + message(2, of(e.getValue())));
        }
        return size;
    }

    private static int of(ProcedureCall call) {
        String id = call.procedure().id();
        return (id.isEmpty() ? 0 : CodedOutputStream.computeStringSize(1, id)) + message(2, of(call.params()));
    }

    /** A value's message: one field of its oneof, written even when it holds a default (a oneof has presence). */
    private static int of(Value v) {
        if (v instanceof Value.Floats f) {
            return message(1, packed(f.values().length, Float.BYTES));
        } else if (v instanceof Value.Longs l) {
            return message(2, packed(l.values().length, Long.BYTES));
        } else if (v instanceof Value.Bytes b) {
            return CodedOutputStream.computeTagSize(3) + CodedOutputStream.computeUInt32SizeNoTag(b.bytes().length)
                    + b.bytes().length;
        } else if (v instanceof Value.Number) {
            return CodedOutputStream.computeDoubleSize(4, 0);
        } else {
            return CodedOutputStream.computeStringSize(5, ((Value.Text) v).text());
        }
    }

    /** A vector message: its one packed field of {@code count} fixed-width values, not written when empty. */
    private static int packed(int count, int width) {
        return count == 0 ? 0 : message(1, count * width);
    }

    /** A length-delimited field {@code field} of {@code length} bytes. */
    private static int message(int field, int length) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(length) + length;
    }
}
