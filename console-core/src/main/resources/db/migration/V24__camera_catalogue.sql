-- Cameras from a GB/T 28181 platform's catalogue (issue 14, docs/IMPORT.md): re-importing the catalogue updates
-- each camera in place by its 20-digit code and marks the ones it no longer lists as removed (kept, with the time,
-- so a camera that comes back is the same row). Same SQL on H2 and PostgreSQL.
ALTER TABLE camera ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE camera ADD COLUMN manufacturer VARCHAR(100);
ALTER TABLE camera ADD COLUMN model VARCHAR(100);
ALTER TABLE camera ADD COLUMN address VARCHAR(200);
ALTER TABLE camera ADD COLUMN civil_code VARCHAR(20);
ALTER TABLE camera ADD COLUMN parent_device_id VARCHAR(20);
