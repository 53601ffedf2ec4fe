package org.commandroom.app.ui.map;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.PointIndex;
import org.commandroom.core.camera.CameraKind;

/**
 * All cameras the map knows, immutable and in primitive arrays (150,000 cameras are no 150,000
 * objects): ids, names, kinds, online flags, the given coordinates and their datum, the same
 * converted to the map's datum, their normalised Web-Mercator positions for drawing, and a
 * {@link PointIndex} over them whose ids are array positions. Building takes tens of
 * milliseconds for 150,000 cameras: do it off the FX thread and hand the result to
 * {@link LiveMapViewModel#setCameras(CameraSet)}.
 */
public final class CameraSet {

    private final String[] ids;
    private final String[] names;
    private final CameraKind[] kinds;
    private final boolean[] online;
    private final double[] sourceLats;
    private final double[] sourceLons;
    private final Datum sourceDatum;
    private final double[] lats;
    private final double[] lons;
    private final double[] mercX;
    private final double[] mercY;
    private final Datum mapDatum;
    private final PointIndex index;
    private Map<String, Integer> positions;
    private final double minMercX;
    private final double minMercY;
    private final double maxMercX;
    private final double maxMercY;

    private CameraSet(String[] ids, String[] names, CameraKind[] kinds, boolean[] online, double[] sourceLats,
                      double[] sourceLons, Datum sourceDatum, Datum mapDatum) {
        int n = ids.length;
        this.ids = ids.clone();
        this.names = names == null ? ids.clone() : names.clone();
        this.kinds = kinds.clone();
        this.online = online.clone();
        this.sourceLats = sourceLats.clone();
        this.sourceLons = sourceLons.clone();
        this.sourceDatum = sourceDatum;
        this.mapDatum = mapDatum;
        this.lats = new double[n];
        this.lons = new double[n];
        this.mercX = new double[n];
        this.mercY = new double[n];
        long[] positionIds = new long[n];
        double[] out = new double[2];
        for (int i = 0; i < n; i++) {
            DatumConverter.convert(sourceLats[i], sourceLons[i], sourceDatum, mapDatum, out);
            lats[i] = out[0];
            lons[i] = out[1];
            mercX[i] = WebMercator.x(out[1]);
            mercY[i] = WebMercator.y(out[0]);
            positionIds[i] = i;
        }
        this.index = PointIndex.build(positionIds, lats, lons, mapDatum);
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            x0 = Math.min(x0, mercX[i]);
            x1 = Math.max(x1, mercX[i]);
            y0 = Math.min(y0, mercY[i]);
            y1 = Math.max(y1, mercY[i]);
        }
        this.minMercX = x0;
        this.minMercY = y0;
        this.maxMercX = x1;
        this.maxMercY = y1;
    }

    /** True when every camera lies inside the box of normalised Mercator coordinates. */
    boolean allWithin(double x0, double y0, double x1, double y1) {
        return ids.length > 0 && minMercX >= x0 && maxMercX <= x1 && minMercY >= y0 && maxMercY <= y1;
    }

    /**
     * @param names may be null (the id is used as the name)
     * @param datum the datum of {@code lats}/{@code lons}
     * @param mapDatum the datum the map is drawn in
     */
    public static CameraSet of(String[] ids, String[] names, double[] lats, double[] lons, CameraKind[] kinds,
                               boolean[] online, Datum datum, Datum mapDatum) {
        Objects.requireNonNull(datum, "datum");
        Objects.requireNonNull(mapDatum, "mapDatum");
        int n = ids.length;
        if (lats.length != n || lons.length != n || kinds.length != n || online.length != n
                || (names != null && names.length != n)) {
            throw new IllegalArgumentException("camera arrays differ in length");
        }
        return new CameraSet(ids, names, kinds, online, lats, lons, datum, mapDatum);
    }

    public static CameraSet empty(Datum mapDatum) {
        return of(new String[0], null, new double[0], new double[0], new CameraKind[0], new boolean[0], mapDatum, mapDatum);
    }

    public int size() {
        return ids.length;
    }

    public String id(int i) {
        return ids[i];
    }

    public String name(int i) {
        return names[i];
    }

    public CameraKind kind(int i) {
        return kinds[i];
    }

    public boolean online(int i) {
        return online[i];
    }

    public double lat(int i) {
        return lats[i];
    }

    public double lon(int i) {
        return lons[i];
    }

    double sourceLat(int i) {
        return sourceLats[i];
    }

    double sourceLon(int i) {
        return sourceLons[i];
    }

    Datum sourceDatum() {
        return sourceDatum;
    }

    double mercX(int i) {
        return mercX[i];
    }

    double mercY(int i) {
        return mercY[i];
    }

    public Datum mapDatum() {
        return mapDatum;
    }

    /** The index over the map-datum positions; its ids are positions in this set. */
    public PointIndex index() {
        return index;
    }

    /** Position of the camera with this id, or -1. */
    public synchronized int positionOf(String id) {
        if (positions == null) {
            positions = new HashMap<>(ids.length * 2);
            for (int i = 0; i < ids.length; i++) {
                positions.put(ids[i], i);
            }
        }
        return positions.getOrDefault(id, -1);
    }

    static int argb(CameraKind kind) {
        return switch (kind) {
            case SKYNET -> MapPalette.CAMERA_SKYNET;
            case XUELIANG -> MapPalette.CAMERA_XUELIANG;
            case CLASS1 -> MapPalette.CAMERA_CLASS1;
            case TELECOM_HD -> MapPalette.CAMERA_TELECOM;
            case SOCIAL -> MapPalette.CAMERA_SOCIAL;
        };
    }
}
