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
    private byte[] lineBytes;
    private int lineStart;
    private int lineLength;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its line terminator ({@code \n} or {@code \r\n}), or null at the end. */
    String readLine() throws IOException {
        if (!nextLine()) {
            return null;
        }
        return new String(lineBytes, lineStart, lineLength, StandardCharsets.UTF_8);
    }

    /**
     * Moves to the next line without making a String of it (a genotype line is kilobytes of calls read byte
     * by byte): afterwards its bytes are {@link #bytes()} from {@link #start()}, {@link #length()} of them,
     * valid until the next call. False at the end.
     */
    boolean nextLine() throws IOException {
        int pendingLength = 0;
        while (true) {
            if (start >= end) {
                if (eof || !fill()) {
                    if (pendingLength == 0) {
                        return false;
                    }
                    lastLineTerminated = false;
                    lineNumber++;
                    return line(pending, 0, pendingLength);
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
                int from = start;
                start = newline + 1;
                if (pendingLength == 0) {
                    return line(buffer, from, newline - from);
                }
                pendingLength = append(pendingLength, from, newline - from);
                return line(pending, 0, pendingLength);
            }
            pendingLength = append(pendingLength, start, end - start);
            start = end;
        }
    }

    byte[] bytes() {
        return lineBytes;
    }

    int start() {
        return lineStart;
    }

    int length() {
        return lineLength;
    }

    private boolean line(byte[] bytes, int from, int length) {
        if (length > 0 && bytes[from + length - 1] == '\r') {
            length--;
        }
        lineBytes = bytes;
        lineStart = from;
        lineLength = length;
        return true;
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

    @Override
    public void close() throws IOException {
        in.close();
    }
}
