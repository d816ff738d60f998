package org.stockalerts.common.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A rule was created or changed (including paused, resumed, triggered or expired). Published on
 * the compacted {@code alert-rules} topic keyed by ruleId; a deletion is a tombstone (null value).
 */
public record AlertRuleChanged(UUID eventId, Instant occurredAt, int version, AlertRule rule) implements Event {

    public static final int CURRENT_VERSION = 1;

    public AlertRuleChanged {
        version = Require.event(eventId, occurredAt, version, "rule", rule);
    }
}
