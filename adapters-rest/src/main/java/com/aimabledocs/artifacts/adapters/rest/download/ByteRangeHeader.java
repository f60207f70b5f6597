package com.aimabledocs.artifacts.adapters.rest.download;

import com.aimabledocs.artifacts.domain.artifact.ByteRange;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code Range} request header (RFC 9110, section 14) against a representation of {@code length}
 * bytes. Only a single {@code bytes} range is served as 206; everything the server may ignore (a missing or
 * syntactically invalid header, another unit, several ranges) asks for the whole representation.
 */
final class ByteRangeHeader {

    /** {@code bytes=first-[last]} or {@code bytes=-suffix}; the unit is case-insensitive, no spaces inside. */
    private static final Pattern SINGLE = Pattern.compile("(?i:bytes)=(?:(\\d+)-(\\d*)|-(\\d+))");
    /** Beyond any object we store: an 18-digit number still fits a long. */
    private static final int MAX_DIGITS = 18;

    private ByteRangeHeader() {
    }

    /** What to answer. */
    sealed interface Outcome permits Whole, Partial, Unsatisfiable {
    }

    /** 200 with the whole representation. */
    record Whole() implements Outcome {
    }

    /** 206 with this range. */
    record Partial(ByteRange range) implements Outcome {
    }

    /** 416: the range starts at or beyond the end, or asks for a zero-length suffix. */
    record Unsatisfiable() implements Outcome {
    }

    static Outcome evaluate(String header, long length) {
        if (header == null) {
            return new Whole();
        }
        String value = header.strip();
        Matcher single = SINGLE.matcher(value);
        if (!single.matches()) {
            // Several ranges, another unit or garbage: all may be ignored (RFC 9110, 14.2).
            return new Whole();
        }
        if (single.group(3) != null) {
            String suffixDigits = single.group(3);
            if (isZero(suffixDigits)) {
                return new Unsatisfiable();
            }
            if (length == 0) {
                return new Whole();
            }
            long suffix = tooLong(suffixDigits) ? Long.MAX_VALUE : Long.parseLong(suffixDigits);
            return new Partial(new ByteRange(Math.max(0, length - suffix), length - 1));
        }
        String firstDigits = single.group(1);
        String lastDigits = single.group(2);
        long first = tooLong(firstDigits) ? Long.MAX_VALUE : Long.parseLong(firstDigits);
        long last = lastDigits.isEmpty() || tooLong(lastDigits) ? Long.MAX_VALUE : Long.parseLong(lastDigits);
        if (!lastDigits.isEmpty() && last < first) {
            return new Whole(); // invalid: a last-pos below the first-pos makes the whole header invalid
        }
        if (first >= length) {
            return new Unsatisfiable();
        }
        return new Partial(new ByteRange(first, Math.min(last, length - 1)));
    }

    private static boolean tooLong(String digits) {
        return digits.replaceFirst("^0+(?=\\d)", "").length() > MAX_DIGITS;
    }

    private static boolean isZero(String digits) {
        return digits.chars().allMatch(c -> c == '0');
    }
}
