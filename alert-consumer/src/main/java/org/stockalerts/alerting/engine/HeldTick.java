package org.stockalerts.alerting.engine;

import java.time.Instant;
import org.stockalerts.common.event.PriceTick;

/**
 * A tick of a symbol the market-data poller reported blind, observed after the last tick the poller had: the feed is
 * back, and the tick waits for the poller's report that it resumed, whose catch-up prices come before it.
 *
 * @param heldAt the engine's wall clock when it began to wait
 */
record HeldTick(PriceTick tick, Instant heldAt) {}
