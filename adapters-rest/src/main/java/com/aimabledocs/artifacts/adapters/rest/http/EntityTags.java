package com.aimabledocs.artifacts.adapters.rest.http;

import java.util.ArrayList;
import java.util.List;

/** Entity-tag comparisons of RFC 9110 (section 8.8.3.2) for {@code If-None-Match} and {@code If-Range}. */
public final class EntityTags {

    private EntityTags() {
    }

    /** A strong tag made of {@code opaque}, which must not contain a double quote. */
    public static String strong(String opaque) {
        return "\"" + opaque + "\"";
    }

    /**
     * {@code If-None-Match}: true when the header is {@code *} or lists a tag that matches {@code etag} by weak
     * comparison (the {@code W/} prefix is ignored on both sides).
     */
    public static boolean noneMatchFails(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        String opaque = opaque(etag);
        return parseList(ifNoneMatch).stream().anyMatch(tag -> opaque(tag).equals(opaque));
    }

    /**
     * {@code If-Range}: true when the range may be served, i.e. the header is absent or is a strong tag equal to
     * {@code etag}. A weak tag never matches, and a date does not either (we send no {@code Last-Modified}).
     */
    public static boolean ifRangeHolds(String ifRange, String etag) {
        if (ifRange == null) {
            return true;
        }
        String tag = ifRange.strip();
        return !tag.startsWith("W/") && tag.equals(etag);
    }

    /** The tags of a comma-separated list; malformed members are dropped (they match nothing). */
    private static List<String> parseList(String header) {
        List<String> tags = new ArrayList<>();
        int i = 0;
        int n = header.length();
        while (i < n) {
            char c = header.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            int start = i;
            if (header.startsWith("W/", i)) {
                i += 2;
            }
            if (i < n && header.charAt(i) == '"') {
                int close = header.indexOf('"', i + 1);
                if (close < 0) {
                    break;
                }
                tags.add(header.substring(start, close + 1));
                i = close + 1;
            } else {
                int comma = header.indexOf(',', i);
                i = comma < 0 ? n : comma + 1;
            }
        }
        return tags;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
