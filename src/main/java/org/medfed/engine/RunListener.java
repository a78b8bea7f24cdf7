package org.medfed.engine;

/** Receives engine events. Must return quickly and never block the engine. */
@FunctionalInterface
public interface RunListener {

    RunListener NONE = event -> { };

    void onEvent(RunEvent event);
}
