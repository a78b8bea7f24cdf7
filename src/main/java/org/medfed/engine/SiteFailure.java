package org.medfed.engine;

/**
 * A hospital answered that it would not or could not do what was asked: its policy refused the request, its node
 * failed on its own data, or it disconnected. The message is written for the researcher and shown as it is.
 */
public final class SiteFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private SiteFailure(String message) {
        super(message);
    }

    /** The hospital's policy said no; {@code reason} is the hospital's own words. */
    public static SiteFailure refused(String hospital, String reason) {
        return new SiteFailure(hospital + " refused: " + reason);
    }

    /** The hospital tried and failed, or could not be reached. */
    public static SiteFailure failed(String hospital, String problem) {
        return new SiteFailure(hospital + ": " + problem);
    }
}
