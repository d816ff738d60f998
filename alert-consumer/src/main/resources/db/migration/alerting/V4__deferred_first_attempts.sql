-- A first attempt that its target's open circuit did not let through waits in the database, as attempt 1,
-- until the circuit lets a probe through (it is not used up): parked attempts start at 1, not 2.
ALTER TABLE delivery_retries DROP CONSTRAINT delivery_retries_attempt_check;
ALTER TABLE delivery_retries ADD CONSTRAINT delivery_retries_attempt_check CHECK (attempt > 0);
