package org.medfed.engine.protocol;

/**
 * A reply with what the call cost on the wire: the request's bytes down to the hospital and the reply's bytes
 * back, each as serialised for the network (a node's link counts what it really sent and received).
 */
public record Exchange(Params reply, long bytesDown, long bytesUp) {
}
