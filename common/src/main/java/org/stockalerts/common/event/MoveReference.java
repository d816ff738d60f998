package org.stockalerts.common.event;

/** What a percent-move rule compares the current price with. */
public enum MoveReference {
    /** The previous session's close reported with the tick. */
    PREVIOUS_CLOSE,
    /** The price {@code windowMinutes} minutes before the tick. */
    WINDOW
}
