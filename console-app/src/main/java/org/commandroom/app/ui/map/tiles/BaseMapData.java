package org.commandroom.app.ui.map.tiles;

import java.util.List;
import java.util.Objects;

import org.commandroom.core.geo.Datum;

/**
 * Vector data the offline base map is drawn from when no tile file or server has a tile: the
 * district outline, areas (streets, communities), water and roads, all in one datum. They are
 * converted to the tiles' datum before drawing.
 */
public interface BaseMapData {

    Datum datum();

    List<BaseMapFeature> districtOutline();

    /** Streets (rank 0, labelled with their names when zoomed in) and communities (rank 1): filled faintly and outlined. */
    List<BaseMapFeature> areas();

    List<BaseMapFeature> water();

    /** Lines; rank 0 drawn widest. */
    List<BaseMapFeature> roads();

    /**
     * Place names (points): rank 0 city, 1 town, 2 village, suburb or island, 3 neighbourhood, hamlet and the like;
     * drawn from a zoom that grows with the rank, none over another.
     */
    default List<BaseMapFeature> places() {
        return List.of();
    }

    /** The same data with place names. */
    static BaseMapData of(Datum datum, List<BaseMapFeature> districtOutline, List<BaseMapFeature> areas,
                          List<BaseMapFeature> water, List<BaseMapFeature> roads, List<BaseMapFeature> places) {
        return new WithPlaces(new Simple(datum, districtOutline, areas, water, roads), List.copyOf(places));
    }

    static BaseMapData of(Datum datum, List<BaseMapFeature> districtOutline, List<BaseMapFeature> areas,
                          List<BaseMapFeature> water, List<BaseMapFeature> roads) {
        return new Simple(datum, districtOutline, areas, water, roads);
    }

    /** A copy of the geometry (x = longitude) converted from one datum to another; the same one when they agree. */
    public static org.locationtech.jts.geom.Geometry toDatum(org.locationtech.jts.geom.Geometry g, Datum from, Datum to) {
        if (from == to) {
            return g;
        }
        org.locationtech.jts.geom.Geometry copy = g.copy();
        double[] out = new double[2];
        copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            org.commandroom.core.geo.DatumConverter.convert(c.y, c.x, from, to, out);
            c.y = out[0];
            c.x = out[1];
        });
        copy.geometryChanged();
        return copy;
    }

    /** No vector data: tiles outside any configured source are drawn as neutral tiles. */
    static BaseMapData empty() {
        return of(Datum.WGS84, List.of(), List.of(), List.of(), List.of());
    }

    record WithPlaces(Simple data, List<BaseMapFeature> places) implements BaseMapData {
        @Override
        public Datum datum() {
            return data.datum();
        }

        @Override
        public List<BaseMapFeature> districtOutline() {
            return data.districtOutline();
        }

        @Override
        public List<BaseMapFeature> areas() {
            return data.areas();
        }

        @Override
        public List<BaseMapFeature> water() {
            return data.water();
        }

        @Override
        public List<BaseMapFeature> roads() {
            return data.roads();
        }
    }

    record Simple(Datum datum, List<BaseMapFeature> districtOutline, List<BaseMapFeature> areas,
                  List<BaseMapFeature> water, List<BaseMapFeature> roads) implements BaseMapData {
        public Simple {
            Objects.requireNonNull(datum, "datum");
            districtOutline = List.copyOf(districtOutline);
            areas = List.copyOf(areas);
            water = List.copyOf(water);
            roads = List.copyOf(roads);
        }
    }
}
