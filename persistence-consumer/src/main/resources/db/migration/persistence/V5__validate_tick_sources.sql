-- Validates V4's check on the stored ticks: a scan that takes only a SHARE UPDATE EXCLUSIVE lock, so ticks keep being
-- written meanwhile.
ALTER TABLE price_ticks VALIDATE CONSTRAINT price_ticks_source_check;
