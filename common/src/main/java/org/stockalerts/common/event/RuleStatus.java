package org.stockalerts.common.event;

/** Life-cycle state of an alert rule. Only ACTIVE rules are evaluated. */
public enum RuleStatus {
    ACTIVE,
    PAUSED,
    TRIGGERED,
    EXPIRED
}
