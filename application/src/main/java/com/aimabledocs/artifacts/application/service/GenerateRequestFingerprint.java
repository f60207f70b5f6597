package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommand;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes two generate requests the same request for an Idempotency-Key: the SHA-256 (hex) of a canonical
 * JSON object of their meaning, whatever the encoding they came in (JSON or multipart) and the order of their
 * fields. The declared {@code content_sha256} is not part of it (a request whose declaration is wrong fails
 * and leaves nothing under the key); the bytes are, by their SHA-256 and length.
 *
 * <p>The canonical object, written without any whitespace, keys in this order:
 * <pre>{"name":…,"type":…,"thread_ids":[…],"media_type":…|null,"metadata":{…},"content_sha256":…,"content_length":…}</pre>
 * {@code thread_ids} as given (duplicates kept), {@code metadata} sorted by key. Strings are escaped as Jackson
 * writes them by default, which computed the value until this class did: {@code \"}, {@code \\}, {@code \b},
 * {@code \f}, {@code \n}, {@code \r}, {@code \t}, any other character below U+0020 and every UTF-16 surrogate
 * (also both halves of a pair) as {@code \}{@code uXXXX} with upper-case hex; everything else as its UTF-8 bytes.
 * Stored reservations and records hold such values, so this form must never change.
 */
public final class GenerateRequestFingerprint {

    private GenerateRequestFingerprint() {
    }

    /** The fingerprint of {@code command}, whose content has the SHA-256 {@code contentSha256}. */
    public static String of(GenerateArtifactCommand command, Sha256 contentSha256) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "name").append(string(command.name().value())).append(',');
        field(json, "type").append(string(command.documentType().wireName())).append(',');
        field(json, "thread_ids").append(array(command.threadIds().stream().map(ThreadId::value).toList())).append(',');
        field(json, "media_type").append(command.mediaType().map(MediaType::value).map(GenerateRequestFingerprint::string)
                .orElse("null")).append(',');
        field(json, "metadata").append(object(new TreeMap<>(command.metadata().entries()))).append(',');
        field(json, "content_sha256").append(string(contentSha256.hex())).append(',');
        field(json, "content_length").append(command.contentLength()).append('}');
        return sha256Hex(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static StringBuilder field(StringBuilder json, String name) {
        return json.append(string(name)).append(':');
    }

    private static String array(List<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ",").append(string(values.get(i)));
        }
        return json.append(']').toString();
    }

    private static String object(TreeMap<String, String> entries) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            json.append(json.length() == 1 ? "" : ",").append(string(entry.getKey())).append(':')
                    .append(string(entry.getValue()));
        }
        return json.append('}').toString();
    }

    /** A JSON string; escaped surrogates leave none behind, so the UTF-8 encoding of the result is exact. */
    static String string(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        json.append("\\u").append(String.format("%04X", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
