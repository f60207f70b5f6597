package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/** An IANA media type without parameters, kept in lower case ({@code application/pdf}). */
public record MediaType(String value) {

    // Must be initialised before OCTET_STREAM: static fields initialise in textual order.
    private static final Pattern FORM =
            Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    public static final MediaType OCTET_STREAM = new MediaType("application/octet-stream");

    public MediaType {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("media_type", "media_type must look like type/subtype, e.g. application/pdf");
        }
    }

    /** Lower-cases and drops parameters ({@code Text/Plain; charset=UTF-8} → {@code text/plain}). */
    public static MediaType parse(String text) {
        if (text == null) {
            throw new InvalidValueException("media_type", "media_type must not be null");
        }
        int semicolon = text.indexOf(';');
        String bare = (semicolon < 0 ? text : text.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return new MediaType(bare);
    }

    @Override
    public String toString() {
        return value;
    }
}
