-- Until when a rule is snoozed (POST /alerts/{id}/snooze, docs/alerts.md "Snooze"): an input observed before it
-- neither fires nor re-arms the rule; null when not snoozed.
ALTER TABLE alert_rules
    ADD COLUMN snoozed_until timestamptz;
