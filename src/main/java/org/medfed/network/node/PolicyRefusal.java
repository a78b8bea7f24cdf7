package org.medfed.network.node;

/** The hospital's policy refused a request; the message is the reason the coordinator shows. */
public final class PolicyRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PolicyRefusal(String reason) {
        super(reason);
    }
}
