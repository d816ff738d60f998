-- The New York market hours a rule is evaluated in (docs/alerts.md, "Market sessions"): REGULAR (09:30-16:00),
-- EXTENDED (04:00-20:00) or ANY, the default and what every rule before this column did.
ALTER TABLE alert_rules
    ADD COLUMN session text NOT NULL DEFAULT 'ANY' CHECK (session IN ('REGULAR', 'EXTENDED', 'ANY'));
