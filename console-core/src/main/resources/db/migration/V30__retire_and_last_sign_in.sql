-- Retiring officers and patrol units (issue 11, docs/ADMIN.md): a retired officer or unit keeps its rows and so its
-- history (orders, audit), but is no longer offered for dispatch, crew or a grid. NULL: in service. Same SQL on H2
-- and PostgreSQL.
ALTER TABLE officer ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE patrol_unit ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;

-- Each user's last sign-in (time and workstation) and the failed attempts since, kept on the user's row by
-- core.access.AccessService so that the administrator's list of users reads them without searching the audit trail.
-- Filled once here from the trail for users who signed in before this version.
ALTER TABLE app_user ADD COLUMN last_sign_in_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE app_user ADD COLUMN last_sign_in_workstation VARCHAR(64);
ALTER TABLE app_user ADD COLUMN failed_since_sign_in INTEGER NOT NULL DEFAULT 0;
UPDATE app_user SET last_sign_in_at = (SELECT MAX(a.at) FROM audit_log a
        WHERE a.entity = 'USER' AND a.entity_id = app_user.id AND a.action = 'LOGIN'),
    last_sign_in_workstation = (SELECT a.workstation FROM audit_log a
        WHERE a.entity = 'USER' AND a.entity_id = app_user.id AND a.action = 'LOGIN'
        ORDER BY a.at DESC, a.id DESC FETCH FIRST 1 ROWS ONLY);
UPDATE app_user SET failed_since_sign_in = (SELECT COUNT(*) FROM audit_log a
        WHERE a.entity = 'USER' AND a.entity_id = app_user.id AND a.action = 'LOGIN_FAILED'
        AND (app_user.last_sign_in_at IS NULL OR a.at > app_user.last_sign_in_at));
