package org.medfed.project;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which hospital names a kit accepts. A name becomes a folder, a certificate's common name and part of a URI, so
 * it keeps to letters, digits, '.', '_' and '-' that every file system and URI takes as they are.
 */
public final class HospitalNames {

    public static final int MAX_LENGTH = 64;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern WINDOWS_RESERVED =
            Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    private HospitalNames() {
    }

    /** What is wrong with {@code name} as a hospital name, or empty when it is fine. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("a hospital name is empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("hospital name '" + name + "' is longer than " + MAX_LENGTH + " characters");
        }
        if (!SAFE.matcher(name).matches()) {
            return Optional.of("hospital name '" + name + "' may use only letters, digits, '.', '_' and '-', "
                    + "and must start and end with a letter or digit (it becomes a folder name), for example hospital-a");
        }
        if (WINDOWS_RESERVED.matcher(name).matches()) {
            return Optional.of("hospital name '" + name + "' is a reserved device name on Windows; choose another");
        }
        return Optional.empty();
    }

    /**
     * The form two names share when they would be the same folder: on Windows and macOS "Hospital-A" and
     * "hospital-a" are one folder.
     */
    public static String folderKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
