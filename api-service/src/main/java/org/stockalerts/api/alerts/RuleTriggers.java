package org.stockalerts.api.alerts;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.kafka.Topics;

/**
 * Learns from {@code alerts-triggered} that a once-rule fired and shows it as TRIGGERED: the alert
 * engine owns whether a rule fired, the API owns the rule's row. The change goes out on
 * {@code alert-rules} like any other, and resuming the rule re-arms it.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RuleTriggers {

    private final AlertRules alertRules;

    @KafkaListener(topics = Topics.Names.ALERTS_TRIGGERED, groupId = "${spring.application.name}-rule-status")
    void on(AlertTriggered alert) {
        if (alert.rule().triggerMode() == TriggerMode.ONCE) {
            alertRules.markTriggered(
                    alert.userId(), alert.ruleId(), alert.rule().revision());
        }
    }
}
