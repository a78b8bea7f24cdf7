package org.medfed.engine;

import java.util.concurrent.Callable;

/** A unit of work for one participant, as the loop hands it to a transport. */
public record ParticipantCall<T>(String participant, Callable<T> work) {
}
