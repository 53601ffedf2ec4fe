package org.commandroom.core.geo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.locationtech.jts.geom.Coordinate;
import org.junit.jupiter.api.Test;

/**
 * The inverse projection against figures from another implementation: PROJ 9's {@code cs2cs} (Debian 12 proj-bin),
 * {@code echo "29.2 104.0" | cs2cs EPSG:4490 EPSG:4544 -f %.4f} gives 402746.6463 E, 3231850.8784 N, and EPSG:4523
 * (the same zone with its number, 35, before the easting) 35402746.6463 E.
 */
class ProjectedSystemTest {

    private static final String GK_105 = "PROJCS[\"CGCS2000_3_Degree_GK_CM_105E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_"
            + "System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\","
            + "0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",%s],"
            + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",105.0],PARAMETER[\"Scale_Factor\",1.0],"
            + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    @Test
    void gaussKrugerOnCgcs2000GivesBackWhatProjComputedForward() {
        ProjectedSystem gk = ProjectedSystem.parse(String.format(GK_105, "500000.0")).system();
        Coordinate c = gk.lonLat(new Coordinate(402746.6463, 3231850.8784));
        assertEquals(104.0, c.x, 1e-8);
        assertEquals(29.2, c.y, 1e-8);

        ProjectedSystem zone35 = ProjectedSystem.parse(String.format(GK_105, "35500000.0")).system();
        Coordinate z = zone35.lonLat(new Coordinate(35402746.6463, 3231850.8784));
        assertEquals(104.0, z.x, 1e-8);
        assertEquals(29.2, z.y, 1e-8);
    }

    @Test
    void aPointWithNoInverseIsNullNotAnException() {
        ProjectedSystem gk = ProjectedSystem.parse(String.format(GK_105, "500000.0")).system();
        assertNull(gk.lonLat(new Coordinate(5e9, 9e9)));
        assertNull(gk.lonLat(new Coordinate(Double.NaN, 0)));
    }

    @Test
    void webMercatorIsTheSphere() {
        ProjectedSystem merc = ProjectedSystem.parse("PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\",GEOGCS["
                + "\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\","
                + "0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Mercator_Auxiliary_Sphere\"],PARAMETER["
                + "\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",0.0],PARAMETER["
                + "\"Standard_Parallel_1\",0.0],PARAMETER[\"Auxiliary_Sphere_Type\",0.0],UNIT[\"Meter\",1.0]]").system();
        // x = R·λ, y = R·ln tan(π/4 + φ/2) on the sphere of radius 6378137 m
        double r = 6378137.0;
        double lon = 113.9;
        double lat = 22.55;
        Coordinate c = merc.lonLat(new Coordinate(r * Math.toRadians(lon),
                r * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2))));
        assertEquals(lon, c.x, 1e-9);
        assertEquals(lat, c.y, 1e-9);
    }
}
