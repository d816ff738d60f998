package org.stockalerts.common.event;

/** The moving-average signal of a symbol: SMA5 against SMA20, within a tolerance. */
public enum Signal {
    BULLISH,
    BEARISH,
    NEUTRAL
}
