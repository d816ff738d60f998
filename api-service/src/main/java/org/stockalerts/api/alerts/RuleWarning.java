package org.stockalerts.api.alerts;

/**
 * Something the caller should know about a rule it just saved, which is not an error.
 *
 * @param code {@code ALREADY_SATISFIED}: the rule's condition holds at the symbol's latest price, so it fires on
 *     the next tick
 * @param message what it means and what to do instead
 */
record RuleWarning(String code, String message) {

    static final String ALREADY_SATISFIED = "ALREADY_SATISFIED";
}
