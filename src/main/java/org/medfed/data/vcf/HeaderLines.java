package org.medfed.data.vcf;

import htsjdk.tribble.readers.LineIterator;
import java.util.Iterator;
import java.util.List;

/** Header lines already read, handed to htsjdk's codec, which reads a header from a {@link LineIterator}. */
final class HeaderLines implements LineIterator {

    private final Iterator<String> lines;
    private String peeked;

    HeaderLines(List<String> lines) {
        this.lines = lines.iterator();
    }

    @Override
    public String peek() {
        if (peeked == null && lines.hasNext()) {
            peeked = lines.next();
        }
        return peeked;
    }

    @Override
    public boolean hasNext() {
        return peek() != null;
    }

    @Override
    public String next() {
        String value = peek();
        peeked = null;
        return value;
    }
}
