package com.aimabledocs.artifacts.adapters.rest.download;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code Content-Disposition: attachment} with an ASCII {@code filename} and an RFC 8187 {@code filename*}. */
final class ContentDisposition {

    private ContentDisposition() {
    }

    static String attachment(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/' && c != ';') {
                ascii.appendCodePoint(c);
            } else if (!Character.isISOControl(c)) {
                ascii.append('_');
            }
        });
        String fallback = ascii.toString().isBlank() ? "download" : ascii.toString().strip();
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
