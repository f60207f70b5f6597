package com.aimabledocs.artifacts.adapters.rest.download;

import com.aimabledocs.artifacts.application.port.in.OpenDownloadQuery;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;

/**
 * Copies an opened download from storage to the client as the HTTP layer asks for it: memory use does not
 * depend on the object's size, and the download is closed (its storage connection released) whatever happens.
 */
final class DownloadStream {

    /** Bytes handed to the HTTP layer per write: large writes keep the per-byte CPU cost of a download low. */
    static final int CHUNK_BYTES = 256 * 1024;

    private DownloadStream() {
    }

    static StreamingOutput of(OpenDownloadQuery.Download download) {
        return out -> {
            try (download) {
                InputStream in = download.body().stream();
                byte[] chunk = new byte[CHUNK_BYTES];
                int filled = 0;
                for (int n; (n = in.read(chunk, filled, chunk.length - filled)) >= 0; ) {
                    filled += n;
                    if (filled == chunk.length) {
                        out.write(chunk, 0, filled);
                        filled = 0;
                    }
                }
                if (filled > 0) {
                    out.write(chunk, 0, filled);
                }
            }
        };
    }
}
