package org.medfed.data.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A forward-only byte source that counts its position and reports running out of bytes. */
final class ByteInput {

    /** The input ended before a value was complete. */
    static final class EndOfInput extends RuntimeException {
        final long got;

        EndOfInput(long got) {
            super(null, null, false, false);
            this.got = got;
        }
    }

    private final InputStream in;
    private final long size;
    private long pos;
    private final byte[] scratch = new byte[8];

    /** @param size bytes the input holds from its start position on, or -1 when unknown (inflated data) */
    ByteInput(InputStream in, long startPosition, long size) {
        this.in = in;
        this.pos = startPosition;
        this.size = size;
    }

    long position() {
        return pos;
    }

    /** Bytes left, or -1 when unknown. */
    long remaining() {
        return size < 0 ? -1 : size - pos;
    }

    boolean atEnd() {
        if (size >= 0) {
            return pos >= size;
        }
        try {
            in.mark(1);
            int b = in.read();
            in.reset();
            return b < 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void readFully(byte[] b, int off, int len) {
        int done = 0;
        try {
            while (done < len) {
                int n = in.read(b, off + done, len - done);
                if (n < 0) {
                    pos += done;
                    throw new EndOfInput(done);
                }
                done += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pos += len;
    }

    byte[] read(int len) {
        if (size < 0 && len > (1 << 20)) {
            // inflated data has no known size: let the buffer grow with the bytes that really arrive, so a
            // damaged length cannot make us allocate gigabytes up front
            try {
                byte[] b = in.readNBytes(len);
                pos += b.length;
                if (b.length < len) {
                    throw new EndOfInput(b.length);
                }
                return b;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        byte[] b = new byte[len];
        readFully(b, 0, len);
        return b;
    }

    int u16(boolean be) {
        readFully(scratch, 0, 2);
        return ValueCodec.u16(scratch, 0, be);
    }

    int s32(boolean be) {
        readFully(scratch, 0, 4);
        return ValueCodec.s32(scratch, 0, be);
    }

    /** A tag: group then element, each 16-bit in the given byte order. */
    int tag(boolean be) {
        readFully(scratch, 0, 4);
        return (ValueCodec.u16(scratch, 0, be) << 16) | ValueCodec.u16(scratch, 2, be);
    }

    void skip(long n) {
        try {
            long left = n;
            while (left > 0) {
                long k = in.skip(left);
                if (k <= 0) {
                    if (in.read() < 0) {
                        pos += n - left;
                        throw new EndOfInput(n - left);
                    }
                    k = 1;
                }
                left -= k;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pos += n;
    }

    /** Fills the array with the next bytes without consuming them; false when fewer are left. */
    boolean peek(byte[] into) {
        try {
            in.mark(into.length);
            int n = in.readNBytes(into, 0, into.length);
            in.reset();
            return n == into.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next tag's group without consuming it, or -1 at the end. */
    int peekGroup(boolean be) {
        try {
            in.mark(2);
            int a = in.read();
            int b = in.read();
            in.reset();
            if (a < 0 || b < 0) {
                return -1;
            }
            return be ? (a << 8) | b : (b << 8) | a;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
