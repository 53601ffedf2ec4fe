-- Named places (key places 重点场所, community police offices 社区警务室, deployment points 屯警点) imported from the
-- bureau's own lists (core.geo.io.PlaceImportService, docs/IMPORT.md): each may carry the bureau's code, by which a
-- later import of the same list updates the place in place (without a code: by name, and kind for key places).
-- A code is unique within its table; places without one (the demo county's) keep NULL. Same SQL on H2 and PostgreSQL.
ALTER TABLE key_place ADD COLUMN code VARCHAR(32);
ALTER TABLE police_office ADD COLUMN code VARCHAR(32);
ALTER TABLE deployment_point ADD COLUMN code VARCHAR(32);
CREATE UNIQUE INDEX key_place_code_idx ON key_place (code);
CREATE UNIQUE INDEX police_office_code_idx ON police_office (code);
CREATE UNIQUE INDEX deployment_point_code_idx ON deployment_point (code);
