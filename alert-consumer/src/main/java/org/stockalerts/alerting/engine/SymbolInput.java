package org.stockalerts.alerting.engine;

import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.PriceTick;

/** What the symbol side of the engine reads, all keyed by symbol. */
sealed interface SymbolInput {

    record Tick(PriceTick tick) implements SymbolInput {}

    record Analytics(AnalyticsUpdated update) implements SymbolInput {}

    record Rule(RuleCommand command) implements SymbolInput {}

    record Holding(HoldingChange change) implements SymbolInput {}

    record Feed(FeedStatusChanged report) implements SymbolInput {}
}
