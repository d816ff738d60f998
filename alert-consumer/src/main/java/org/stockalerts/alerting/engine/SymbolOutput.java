package org.stockalerts.alerting.engine;

import org.stockalerts.common.event.AlertTriggered;

/** What the symbol side of the engine emits, keyed by userId. */
sealed interface SymbolOutput {

    record Alert(AlertTriggered alert) implements SymbolOutput {}

    record Price(PortfolioPrice price) implements SymbolOutput {}
}
