package org.medfed.gui.run;

/**
 * What a robust rule did with one hospital's update in one round, as the verdict grid shows it.
 *
 * @param decision what happened to the update
 * @param weight   how much of it reached the model, from 0 (rejected) to 1 (kept whole)
 * @param detail   the figures behind the decision, in words, for a tooltip
 */
public record HospitalVerdict(Decision decision, double weight, String detail) {

    public enum Decision {
        ACCEPTED("✓", "accepted"), DOWN_WEIGHTED("↓", "down-weighted"), REJECTED("✗", "rejected"),
        NO_UPDATE("–", "no update");

        private final String symbol;
        private final String text;

        // a symbol beside the word, so that the grid does not rely on colour alone
        Decision(String symbol, String text) {
            this.symbol = symbol;
            this.text = text;
        }

        public String text() {
            return text;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** The short text in a grid cell: "✓ accepted", "↓ down-weighted 0.42", "✗ rejected". */
    public String cellText() {
        return decision.symbol() + " " + (decision == Decision.DOWN_WEIGHTED
                ? decision.text() + " " + RunWording.three(weight) : decision.text());
    }
}
