-- Reminder notices keep their figures (the score before, the score now, the pass line) beside the Chinese text, so
-- that each console words a notice in its own language (docs/INDEX.md). Notices written before have none: they keep
-- their stored text.
ALTER TABLE reminder_notice ADD COLUMN value_before DOUBLE PRECISION;
ALTER TABLE reminder_notice ADD COLUMN value_now DOUBLE PRECISION;
ALTER TABLE reminder_notice ADD COLUMN pass_line DOUBLE PRECISION;
