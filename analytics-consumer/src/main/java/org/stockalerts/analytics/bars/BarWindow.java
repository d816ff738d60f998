package org.stockalerts.analytics.bars;

import java.time.LocalDate;

/**
 * One window [start, end) of one bar interval, in epoch milliseconds.
 *
 * @param tradingDate the exchange's trading day the window lies in
 * @param opensTradingDay true when the window starts at the start of its trading day
 */
public record BarWindow(long start, long end, LocalDate tradingDate, boolean opensTradingDay) {}
