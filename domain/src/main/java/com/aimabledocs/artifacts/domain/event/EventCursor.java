package com.aimabledocs.artifacts.domain.event;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in the journal of lifecycle events: the ID of the transaction that wrote the event, then the
 * event's number. Positions are handed out in this order only once every earlier transaction has ended, so a
 * reader that resumes after a cursor misses nothing. Clients see it as an opaque string.
 */
public record EventCursor(long transaction, long sequence) implements Comparable<EventCursor> {

    private static final Pattern FORMAT = Pattern.compile("([0-9]{1,19})-([0-9]{1,19})");

    public EventCursor {
        if (transaction < 0 || sequence < 0) {
            throw new IllegalArgumentException("a cursor's parts are not negative");
        }
    }

    /** Reads a cursor a client sent back ({@code after}, {@code Last-Event-ID}). */
    public static EventCursor parse(String value) {
        Matcher m = value == null ? null : FORMAT.matcher(value);
        if (m == null || !m.matches()) {
            throw new InvalidValueException("after", "the event cursor is malformed; send back an id the stream sent");
        }
        try {
            return new EventCursor(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        } catch (NumberFormatException tooLarge) {
            throw new InvalidValueException("after", "the event cursor is malformed; send back an id the stream sent");
        }
    }

    @Override
    public int compareTo(EventCursor other) {
        int byTransaction = Long.compare(transaction, other.transaction);
        return byTransaction != 0 ? byTransaction : Long.compare(sequence, other.sequence);
    }

    public boolean isAfter(EventCursor other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return transaction + "-" + sequence;
    }
}
