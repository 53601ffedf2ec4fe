package org.commandroom.core.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import org.commandroom.core.camera.Camera;
import org.commandroom.core.camera.CameraDao;
import org.commandroom.core.camera.CameraKind;
import org.commandroom.core.geo.GeoPoint;
import org.jdbi.v3.core.Jdbi;

/**
 * Video points: several projects, clustered on key places and towns, with 20-digit GB/T 28181 ids
 * (8-digit centre code = region code + 00, 2-digit industry, 3-digit type 131 camera / 132 IPC,
 * 1-digit network, 6-digit serial). Some are offline.
 */
final class CameraPhase {

    private static final CameraKind[] KINDS = CameraKind.values();
    private static final double[] SHARE = {0.18, 0.27, 0.05, 0.10, 0.40};
    private static final String[] LABEL = {"天网", "雪亮", "一类点", "电信高清", "社会面"};
    private static final String[] DIRECTION = {"东向西", "西向东", "南向北", "北向南", "全景", "出入口"};
    private static final String[] SPOT = {"正门", "侧门", "停车场", "全景"};

    private final County c;
    private final SplittableRandom rnd;
    private final Jdbi jdbi;

    CameraPhase(County c, long seed, Jdbi jdbi) {
        this.c = c;
        this.rnd = new SplittableRandom(seed ^ 0xCA3E7AL);
        this.jdbi = jdbi;
    }

    void run(DoubleConsumer progress) {
        int total = c.map.profile.cameras();
        int[] serial = new int[KINDS.length];
        double[] cum = new double[SHARE.length];
        double s = 0;
        for (int i = 0; i < SHARE.length; i++) {
            s += SHARE[i];
            cum[i] = s;
        }
        List<CameraDao.CameraRow> batch = new ArrayList<>(DemoCountyGenerator.BATCH);
        for (int n = 0; n < total; n++) {
            int k = IncidentFactory.pick(cum, rnd);
            CameraKind kind = KINDS[k];
            double x;
            double y;
            String name;
            if (!c.hotSpots.isEmpty() && rnd.nextDouble() < 0.35) {
                County.HotSpot h = c.hotSpots.get(IncidentFactory.pick(c.hotSpotCumulative, rnd));
                x = h.x() + CountyMap.gauss(rnd) * 80;
                y = h.y() + CountyMap.gauss(rnd) * 80;
                name = h.name() + SPOT[rnd.nextInt(SPOT.length)];
            } else {
                int m = IncidentFactory.pick(c.microWeightCumulative, rnd);
                double[] p = c.map.randomPointIn(m, rnd);
                x = p[0];
                y = p[1];
                int street = c.streetOfMicro(m);
                name = c.streetNames[street] + c.streetRoads[street][c.microRoad[m]] + DIRECTION[rnd.nextInt(DIRECTION.length)];
            }
            int g = c.map.policeGridAt(x, y);
            if (g < 0) {
                n--;
                continue;
            }
            String deviceId = c.map.profile.regionCode() + "00" + String.format("%02d", k)
                    + (kind == CameraKind.SOCIAL || kind == CameraKind.TELECOM_HD ? "132" : "131")
                    + (kind == CameraKind.SOCIAL || kind == CameraKind.TELECOM_HD ? "5" : "0")
                    + String.format("%06d", ++serial[k]);
            double offline = kind == CameraKind.SOCIAL ? 0.12 : kind == CameraKind.XUELIANG ? 0.07 : 0.03;
            Camera cam = new Camera(0, deviceId, "[" + LABEL[k] + "]" + name, kind,
                    GeoPoint.wgs84(c.map.lat(y), c.map.lon(x)), rnd.nextDouble() >= offline,
                    "rtsp://vms.local/live/" + deviceId, kind == CameraKind.SOCIAL ? null : "http://vms.local/snap/" + deviceId + ".jpg",
                    c.stationIds[c.map.policeGridStation[g]]);
            batch.add(CameraDao.CameraRow.of(cam));
            if (batch.size() >= DemoCountyGenerator.BATCH || n == total - 1) {
                List<CameraDao.CameraRow> rows = batch;
                jdbi.useTransaction(h -> h.attach(CameraDao.class).insertAll(rows));
                batch = new ArrayList<>(DemoCountyGenerator.BATCH);
                progress.accept((n + 1) / (double) total);
            }
        }
    }
}
