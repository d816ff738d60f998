package org.stockalerts.alerting.engine;

/** What the user side of the engine reads, all keyed by userId. */
sealed interface PortfolioInput {

    record Price(PortfolioPrice price) implements PortfolioInput {}

    record Rule(RuleCommand command) implements PortfolioInput {}
}
