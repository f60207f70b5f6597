package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.ListArtifactsQuery;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.port.ArtifactSearch.Position;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The opaque {@code cursor}: base64url of a version tag, the last row's sort key and a fingerprint of the
 * filters it was issued for. A cursor replayed with other filters is refused rather than silently
 * walking a different list.
 */
final class PageCursor {

    private static final String VERSION = "v1";
    private static final int MAX_LENGTH = 512;

    private PageCursor() {
    }

    static String encode(Position position, String filterFingerprint) {
        String plain = String.join("|", VERSION, position.createdAt().toString(), position.id().toString(), filterFingerprint);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor, String filterFingerprint) {
        String[] parts;
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw invalid("cursor is malformed; pass next_cursor from the previous page unchanged");
        }
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw invalid("cursor is malformed; pass next_cursor from the previous page unchanged");
        }
        if (!parts[3].equals(filterFingerprint)) {
            throw invalid("cursor was issued for other filters; repeat the filters of the first page");
        }
        try {
            return new Position(Instant.parse(parts[1]), ArtifactId.parse(parts[2]));
        } catch (RuntimeException e) {
            throw invalid("cursor is malformed; pass next_cursor from the previous page unchanged");
        }
    }

    static String filterFingerprint(ListArtifactsQuery.Request request) {
        String filters = "thread=" + request.threadId().map(ThreadId::value).orElse("")
                + "&type=" + request.documentType().map(DocumentType::wireName).orElse("")
                + "&status=" + request.status().map(ArtifactStatus::wireName).orElse("");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(filters.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static InvalidValueException invalid(String message) {
        return new InvalidValueException("cursor", message);
    }
}
