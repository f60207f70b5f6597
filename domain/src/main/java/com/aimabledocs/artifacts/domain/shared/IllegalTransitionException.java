package com.aimabledocs.artifacts.domain.shared;

/** A state change that the aggregate's state machine does not allow. A bug or a race, never user input. */
public final class IllegalTransitionException extends DomainException {

    public IllegalTransitionException(String aggregate, Object id, Enum<?> from, Enum<?> to) {
        super("illegal_transition",
                "%s %s cannot move from %s to %s".formatted(aggregate, id, name(from), name(to)));
    }

    private static String name(Enum<?> state) {
        return state.name().toLowerCase(java.util.Locale.ROOT);
    }
}
