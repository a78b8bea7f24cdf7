package org.medfed.network.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.engine.protocol.Value;

/**
 * A model sent to a node once is not sent to it again. A round sends the same model twice: with the evaluation of
 * round r and with the training of round r + 1. The second time, the request carries {@value #SAME}, the SHA-256 of
 * the model's float bits, instead of the floats, and the node puts back the model it received last. Both sides
 * keep the state of one stream: a new connection starts over with a full model.
 *
 * <p>The coordinator keeps the digest of what it sent to each node, and one copy of the last model it digested for
 * all of them; the node keeps the last model it received, which it must hold to answer anyway. The node applies
 * {@link Receiver#restore} in the order the calls arrive on the stream, the order the coordinator sent them in, so a
 * reference always follows the model it refers to.
 */
public final class RepeatedModel {

    /** The parameter that replaces {@link SiteRequest#MODEL} when the node already holds that model: its SHA-256. */
    public static final String SAME = "model.same";

    private RepeatedModel() {
    }

    /**
     * The digests of the models a coordinator sends, each taken once for all its nodes: a round sends one model to
     * every node, and hashing it again for each of them would repeat the same work as many times as there are
     * hospitals. Keeps a copy of the last model digested and compares a new one with it as {@link Arrays#equals}
     * does, so two models that differ only in the payload bits of a NaN would count as one; the engine refuses
     * updates that are not finite, so the models it sends have no NaN.
     */
    public static final class Digests {

        private float[] last;
        private byte[] lastDigest;

        synchronized byte[] of(float[] model) {
            if (!Arrays.equals(model, last)) {
                last = model.clone();
                lastDigest = digest(last);
            }
            return lastDigest;
        }
    }

    /** The coordinator's side of one node's stream. Not thread-safe: the caller sends under its stream's lock. */
    public static final class Sender {

        private final Digests digests;
        private byte[] lastSent;

        /** @param digests shared by the coordinator's streams */
        public Sender(Digests digests) {
            this.digests = digests;
        }

        /** The request as it should travel: its model replaced by a reference when the node holds it already. */
        public SiteRequest shorten(SiteRequest request) {
            Params params = request.call().params();
            if (!(params.get(SiteRequest.MODEL).orElse(null) instanceof Value.Floats model)) {
                return request;
            }
            byte[] digest = digests.of(model.values());
            if (Arrays.equals(digest, lastSent)) {
                Params shorter = params.toBuilder().remove(SiteRequest.MODEL).bytes(SAME, digest).build();
                return new SiteRequest(request.round(), new ProcedureCall(request.call().procedure(), shorter),
                        request.filters());
            }
            lastSent = digest;
            return request;
        }
    }

    /** The node's side of one stream. Not thread-safe: the caller restores calls one at a time, in arrival order. */
    public static final class Receiver {

        private float[] lastReceived;
        private byte[] lastDigest;

        /**
         * The request with its model: one that carries a model is remembered, one that refers to the last model
         * gets it back.
         *
         * @throws ProtocolException when the reference is not to the model this node holds
         */
        public SiteRequest restore(SiteRequest request) {
            Params params = request.call().params();
            if (params.get(SiteRequest.MODEL).orElse(null) instanceof Value.Floats model) {
                lastReceived = model.values().clone();
                lastDigest = digest(lastReceived);
                return request;
            }
            if (!(params.get(SAME).orElse(null) instanceof Value.Bytes same)) {
                return request;
            }
            if (lastDigest == null || !Arrays.equals(same.bytes(), lastDigest)) {
                throw new ProtocolException("the coordinator referred to model " + HexFormat.of().formatHex(
                        same.bytes()) + (lastDigest == null ? ", but this node has received no model on this connection"
                        : ", but the last model this node received is " + HexFormat.of().formatHex(lastDigest)));
            }
            Params whole = params.toBuilder().remove(SAME).floats(SiteRequest.MODEL, lastReceived.clone()).build();
            return new SiteRequest(request.round(), new ProcedureCall(request.call().procedure(), whole),
                    request.filters());
        }
    }

    /** SHA-256 of the floats' bits, little-endian. */
    static byte[] digest(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putInt(Float.floatToRawIntBits(v));
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes.array());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }
}
