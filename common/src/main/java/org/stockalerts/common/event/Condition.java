package org.stockalerts.common.event;

/** What an alert rule watches. Which parameters each condition needs is checked by {@link AlertRule}. */
public enum Condition {
    /** Price at or above {@code threshold}. */
    PRICE_ABOVE(Kind.LEVEL),
    /** Price at or below {@code threshold}. */
    PRICE_BELOW(Kind.LEVEL),
    /** Previous price below {@code threshold}, this one at or above it (gaps count). */
    CROSSES_UP(Kind.CROSS),
    /** Previous price above {@code threshold}, this one at or below it (gaps count). */
    CROSSES_DOWN(Kind.CROSS),
    /** Price up by at least {@code percent} against the {@code reference}. */
    MOVES_UP(Kind.MOVE),
    /** Price down by at least {@code percent} against the {@code reference}. */
    MOVES_DOWN(Kind.MOVE),
    /** The SMA5/SMA20 signal of the symbol turns to {@code signal}. */
    SIGNAL_TURNS(Kind.SIGNAL),
    /** The user's portfolio value at or above {@code threshold}. */
    PORTFOLIO_VALUE_ABOVE(Kind.PORTFOLIO),
    /** The user's portfolio value at or below {@code threshold}. */
    PORTFOLIO_VALUE_BELOW(Kind.PORTFOLIO);

    /** Families of conditions sharing the same parameters. */
    public enum Kind {
        LEVEL,
        CROSS,
        MOVE,
        SIGNAL,
        PORTFOLIO
    }

    private final Kind kind;

    Condition(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether this condition watches one symbol (all but portfolio rules). */
    public boolean needsSymbol() {
        return kind != Kind.PORTFOLIO;
    }

    /** Whether this condition compares against a threshold (level, cross and portfolio rules). */
    public boolean needsThreshold() {
        return kind == Kind.LEVEL || kind == Kind.CROSS || kind == Kind.PORTFOLIO;
    }
}
