package org.stockalerts.common.event;

/** How often a rule may fire while its condition keeps holding. */
public enum TriggerMode {
    /** Fire once, then the rule is triggered and disarmed. */
    ONCE,
    /** Fire at most once per {@code cooldown}. */
    COOLDOWN,
    /** Fire, then re-arm only after the value has left the zone by {@code rearmMargin}. */
    REARM
}
