package org.medfed.io;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

/**
 * Spreadsheet programs (Excel's "CSV UTF-8") start their files with a byte-order mark. Read as text it is an
 * invisible character glued to the first column's name, so that "age" in one hospital's file and "\uFEFFage" in
 * another's look the same to the user but never match. Every reader of tables drops it here.
 */
public final class ByteOrderMark {

    private ByteOrderMark() {
    }

    /** {@code reader} without a byte-order mark at its start, if it had one; closed if its first read fails. */
    public static Reader skipped(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        try {
            int first = in.read();
            if (first != -1 && first != '\uFEFF') {
                in.unread(first);
            }
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
