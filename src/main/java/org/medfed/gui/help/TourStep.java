package org.medfed.gui.help;

import org.medfed.gui.shell.Screen;

/** One step of the guided tour: the screen it shows, a title and what to look at there. */
public record TourStep(Screen screen, String title, String text) {
}
