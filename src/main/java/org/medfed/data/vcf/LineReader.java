package org.medfed.data.vcf;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads text lines from a stream while counting them, so that every error can name its line.
 *
 * <p>Written by hand (rather than {@code BufferedReader}) because it must also tell whether the last line
 * ended with a newline: a VCF that stops mid-line is usually a truncated copy, and saying so is more useful
 * than analysing a partial record.
 */
final class LineReader implements Closeable {

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;
    private byte[] pending = new byte[256];
    private long lineNumber;
    private boolean lastLineTerminated = true;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its line terminator ({@code \n} or {@code \r\n}), or null at the end. */
    String readLine() throws IOException {
        int pendingLength = 0;
        while (true) {
            if (start >= end) {
                if (eof || !fill()) {
                    if (pendingLength == 0) {
                        return null;
                    }
                    lastLineTerminated = false;
                    lineNumber++;
                    return decode(pending, 0, pendingLength);
                }
            }
            int newline = -1;
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            if (newline >= 0) {
                lineNumber++;
                String line;
                if (pendingLength == 0) {
                    line = decode(buffer, start, newline - start);
                } else {
                    pendingLength = append(pendingLength, start, newline - start);
                    line = decode(pending, 0, pendingLength);
                }
                start = newline + 1;
                return line;
            }
            pendingLength = append(pendingLength, start, end - start);
            start = end;
        }
    }

    /** Number of the line last returned, counting from 1. */
    long lineNumber() {
        return lineNumber;
    }

    /** False when the stream ended in the middle of a line (no final newline). */
    boolean lastLineTerminated() {
        return lastLineTerminated;
    }

    private int append(int pendingLength, int from, int length) {
        if (pendingLength + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + length));
        }
        System.arraycopy(buffer, from, pending, pendingLength, length);
        return pendingLength + length;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        start = 0;
        end = n;
        return true;
    }

    private static String decode(byte[] bytes, int from, int length) {
        if (length > 0 && bytes[from + length - 1] == '\r') {
            length--;
        }
        return new String(bytes, from, length, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
