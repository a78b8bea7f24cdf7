package org.medfed.data.csv;

import java.util.regex.Pattern;

/**
 * Whether a value is written as a date ("2019-03-04", "04.03.2019", "3/4/19", with or without a time): such a
 * column is no feature as it comes, and the messages about it say so rather than suggest a type.
 */
public final class DateText {

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4})([ T]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z?)?");

    private DateText() {
    }

    public static boolean looksLikeDate(String value) {
        return value != null && DATE.matcher(value.strip()).matches();
    }
}
