package org.medfed.data.vcf;

import java.util.regex.Pattern;

/**
 * Rewords htsjdk's exception messages for a person: we already name the file and line ourselves, so
 * htsjdk's own "malformed at approximately line number N" preamble and internal wording are trimmed.
 */
final class HtsjdkMessages {

    private static final Pattern PREAMBLE = Pattern.compile(
            "^(?:The provided VCF file is malformed at approximately line number \\d+:\\s*"
                    + "|Your input file has a malformed header:\\s*"
                    + "|Line \\d+:\\s*)",
            Pattern.CASE_INSENSITIVE);

    private HtsjdkMessages() {
    }

    /** A short readable reason from an exception thrown inside htsjdk. */
    static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String text = message.strip();
        String previous;
        do {
            previous = text;
            text = PREAMBLE.matcher(text).replaceFirst("").strip();
        } while (!text.equals(previous));
        if (e instanceof NumberFormatException) {
            text = "a number was expected (" + text + ")";
        }
        if (text.length() > 300) {
            text = text.substring(0, 300) + "...";
        }
        return text;
    }
}
