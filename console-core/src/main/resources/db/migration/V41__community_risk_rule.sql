-- 分色预警: the rule that colours communities red, orange or green from what the console knows of them (issue 15,
-- core prevention CommunityRisk, docs/PREVENTION.md "Communities coloured by risk"). Kept as data so a bureau can
-- change it in the prevention window; the defaults below are this product's. Same SQL on H2 and PostgreSQL.
--
-- score = incidents in the last windowDays days x incidentWeight
--       + active houses of at most lowStarsAtMost stars x lowStarWeight
--       + hazards found at each house's latest inspection x hazardWeight
--       + model alerts whose order is still open x alertWeight
-- red from redAt points, orange from orangeAt, green below. An incident weighs a tenth of a point: a community of a
-- busy town takes 50-150 incidents a quarter, and a weight of 1 made every community of the demo county red.
CREATE TABLE community_risk_param (
    name VARCHAR(32)      NOT NULL PRIMARY KEY,
    val  DOUBLE PRECISION NOT NULL CHECK (val >= 0)
);
INSERT INTO community_risk_param (name, val) VALUES
    ('windowDays', 90),
    ('incidentWeight', 0.1),
    ('lowStarsAtMost', 2),
    ('lowStarWeight', 3),
    ('hazardWeight', 2),
    ('alertWeight', 2),
    ('orangeAt', 15),
    ('redAt', 25);
