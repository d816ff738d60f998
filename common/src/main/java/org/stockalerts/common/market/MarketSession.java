package org.stockalerts.common.market;

/** The hours of the New York market a rule is evaluated in ({@link MarketCalendar}). */
public enum MarketSession {
    /** The regular session: 09:30–16:00 New York time on trading days (to 13:00 on early closes). */
    REGULAR,
    /** Pre-market, regular and after-hours: 04:00–20:00 New York time on trading days (to 17:00 on early closes). */
    EXTENDED,
    /** At any time, trading day or not: the default. */
    ANY
}
