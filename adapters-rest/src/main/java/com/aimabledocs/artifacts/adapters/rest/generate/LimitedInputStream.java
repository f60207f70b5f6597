package com.aimabledocs.artifacts.adapters.rest.generate;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts bytes as they arrive and stops the read as soon as the limit is passed. */
final class LimitedInputStream extends FilterInputStream {

    /** Thrown from inside the parser when the body passes the limit; unwrapped into a 413. */
    static final class PayloadTooLarge extends IOException {

        PayloadTooLarge() {
            super("payload too large", null);
        }
    }

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && ++count > limit) {
            throw new PayloadTooLarge();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0 && (count += n) > limit) {
            throw new PayloadTooLarge();
        }
        return n;
    }
}
