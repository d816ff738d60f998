-- The revision since which the alert engine holds a rule's current runtime state: the last change that made it start
-- afresh (what the rule watches or how it fires changed, or it became active again; StoredRule.startsAfresh). An
-- alert of a once-rule from this revision or a later one marks the rule TRIGGERED, so a snooze or new channels
-- between the alert and its arrival here no longer leave it shown ACTIVE. Rules before it count from their revision;
-- a row written without it (import-seed's, at revision 1) counts from its first.
ALTER TABLE alert_rules ADD COLUMN state_since_revision bigint NOT NULL DEFAULT 0;
UPDATE alert_rules SET state_since_revision = revision;
