package org.medfed.benchmark;

import org.medfed.engine.Participant;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.network.wire.WireCodec;

/**
 * A hospital in this process whose every request and reply is encoded to protobuf bytes and decoded again, as
 * they are on the way to a node and back, but with no gRPC, TLS, socket or thread in between: it separates what
 * the encoding costs from what the transport costs.
 */
final class ProtobufRoundTripParticipant implements Participant {

    private final Participant inner;

    ProtobufRoundTripParticipant(Participant inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public int trainSize() {
        return inner.trainSize();
    }

    @Override
    public int testSize() {
        return inner.testSize();
    }

    @Override
    public double weight() {
        return inner.weight();
    }

    @Override
    public Params call(SiteRequest request, RunControl control) throws Exception {
        byte[] down = WireCodec.toWire(request).toByteArray();
        SiteRequest received = WireCodec.fromWire(org.medfed.network.proto.SiteRequest.parseFrom(down));
        byte[] up = WireCodec.toWire(inner.call(received, control)).toByteArray();
        return WireCodec.fromWire(org.medfed.network.proto.Params.parseFrom(up));
    }
}
