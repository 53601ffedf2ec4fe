package org.commandroom.app.ui.map;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapView;

import org.commandroom.app.ui.map.tiles.MapTiles;
import org.commandroom.app.ui.map.tiles.TileSourceSettings;
import org.commandroom.core.geo.Datum;

/**
 * Frame rate of the live map while panning and zooming with 150,000 cameras: our raster camera
 * layer (level of detail off, every camera drawn; and on, clustered) against a baseline that draws
 * the same cameras as one Circle node each in a Gluon {@link MapLayer}, in the same run and window.
 * Each frame moves the map (pan: the centre by a few pixels; zoom: between z and z+0.3), and the
 * frame rate is the number of JavaFX pulses per second that did so.
 *
 * <p>Run (needs a display; Xvfb is enough, software rendering):
 * <pre>
 * cd /work/wt-map &amp;&amp; mvn -B -q -o install -DskipTests -pl console-core &amp;&amp; mvn -B -q -o -pl console-app test-compile
 * xvfb-run -a -s "-screen 0 1600x900x24" mvn -B -q -o -pl console-app exec:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx1500m -Dprism.order=sw -classpath %classpath org.commandroom.app.ui.map.MapFrameRateBenchmark 150000 4"
 * </pre>
 * Arguments: number of cameras (150000), seconds measured per case (4).
 *
 * <p>With {@code -Dbench.allOnly} the every-layer case also measures the wall's own cases: at rest (units reporting,
 * incidents pulsing) and fly-to (the wall's 1.5 s flight and back); a window wider than 1920 is the wall's map, moved
 * the wall's way ({@code LiveMapView.setRasterWhileMoving}). docs/WALL.md, "The wall's map at 4K".
 */
public final class MapFrameRateBenchmark {

    private static int WIDTH = 1280;
    private static int HEIGHT = 800;
    private static final double ZOOM = 13;
    private static final Datum MAP_DATUM = Datum.GCJ02;

    private MapFrameRateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        int cameras = args.length > 0 ? Integer.parseInt(args[0]) : 150_000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 4;
        SyntheticCounty county = new SyntheticCounty(42);
        MapTiles.configure(TileSourceSettings.offline(county.baseMap(), MAP_DATUM));
        CameraSet set = county.cameras(cameras, MAP_DATUM);
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);

        List<String> lines = new ArrayList<>();
        if (System.getProperty("bench.allOnly") != null) {
            // -Dbench.allOnly -Dbench.off=COMMUNITIES,KEY_PLACES: only the all-layers case, some layers off (to find costs)
            double z = Double.parseDouble(System.getProperty("bench.zoom", Double.toString(ZOOM)));
            // -Dbench.sizes=1920x1080,3840x2160: the same case in windows of these sizes, one after the other (the desk's
            // map at 1080p against the wall's at 4K, docs/WALL.md); the zoom grows by one per doubling of the width
            for (String size : System.getProperty("bench.sizes", WIDTH + "x" + HEIGHT).split(",")) {
                String[] wh = size.strip().split("x");
                WIDTH = Integer.parseInt(wh[0]);
                HEIGHT = Integer.parseInt(wh[1]);
                double zs = z + Math.log(WIDTH / 1920.0) / Math.log(2) * (System.getProperty("bench.sizes") == null ? 0 : 1);
                if (System.getProperty("bench.ceiling") != null) {
                    // -Dbench.ceiling: first a window of the same size that draws nothing but is wholly new every frame:
                    // the most frames the pipeline shows at this size on this machine, whatever a map draws
                    run("ceiling: the whole window repainted, " + WIDTH + "x" + HEIGHT, seconds, MapFrameRateBenchmark::ceiling, lines);
                }
                run("all layers (off: " + System.getProperty("bench.off", "none") + "), " + WIDTH + "x" + HEIGHT + ", z"
                        + String.format(Locale.ROOT, "%.1f", zs), seconds, () -> allLayers(county, set, 500, zs), lines);
            }
            lines.forEach(System.out::println);
            MapTiles.shutdown();
            Platform.exit();
            System.exit(0);
        }
        double[] raster = run("raster layer, every camera drawn", seconds, () -> liveMap(set, false), lines);
        double[] lod = run("raster layer, level of detail (clusters)", seconds, () -> liveMap(set, true), lines);
        double[] withUnits = run("raster + 500 units reporting every second", seconds,
                () -> liveMapWithMovingUnits(set, 500), lines);
        double[] all = run("all layers at Bao'an scale + 500 units, z13", seconds,
                () -> allLayers(county, set, 500, ZOOM), lines);
        double[] allClose = run("all layers at Bao'an scale + 500 units, z15.5", seconds,
                () -> allLayers(county, set, 500, 15.5), lines);
        double[] nodes = run("baseline: one Circle node per camera", seconds, () -> nodeMap(set), lines);
        String picking = pickingLatency(set, 500, 10_000);

        System.out.println();
        System.out.printf(Locale.ROOT, "Live map frame rate, %,d cameras, %dx%d window, zoom %.0f, prism %s%n",
                cameras, WIDTH, HEIGHT, ZOOM, System.getProperty("prism.order", "default"));
        lines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "ratio raster/baseline: pan %.1fx, zoom %.1fx; clustered/baseline: pan %.1fx, zoom %.1fx%n",
                raster[0] / nodes[0], raster[1] / nodes[1], lod[0] / nodes[0], lod[1] / nodes[1]);
        System.out.printf(Locale.ROOT, "with 500 units moving: pan %.1f fps, zoom %.1f fps%n", withUnits[0], withUnits[1]);
        System.out.printf(Locale.ROOT, "all layers on (397 police grids, 124 communities, 4,830 micro-grids, 12 zones, "
                + "500 key places, 124 offices, 150 deployment points, 20 incidents, 500 moving units): "
                + "z13 pan %.1f / zoom %.1f fps, z15.5 pan %.1f / zoom %.1f fps%n", all[0], all[1], allClose[0], allClose[1]);
        System.out.printf(Locale.ROOT, "all layers on, long drag (8 px a frame): z13 %.1f fps, z15.5 %.1f fps%n",
                sweeps.get(0), sweeps.get(1));
        System.out.printf(Locale.ROOT, "ratio all layers/baseline: z13 pan %.1fx, zoom %.1fx; z15.5 pan %.1fx, zoom %.1fx%n",
                all[0] / nodes[0], all[1] / nodes[1], allClose[0] / nodes[0], allClose[1] / nodes[1]);
        System.out.println(picking);
        MapTiles.shutdown();
        Platform.exit();
        System.exit(0);
    }

    /** A map under test: the root node, and how to move it. */
    private record Subject(Parent root, DoubleConsumer panTo, DoubleConsumer zoomTo, Runnable info, double baseZoom,
                           Runnable tick) {
        Subject(Parent root, DoubleConsumer panTo, DoubleConsumer zoomTo, Runnable info) {
            this(root, panTo, zoomTo, info, ZOOM, () -> { });
        }

        Subject(Parent root, DoubleConsumer panTo, DoubleConsumer zoomTo, Runnable info, Runnable tick) {
            this(root, panTo, zoomTo, info, ZOOM, tick);
        }
    }

    private interface SubjectFactory {
        Subject create();
    }

    /**
     * The pipeline's ceiling: a plain window whose colour changes every frame, so that every frame repaints and presents
     * all its pixels and nothing else costs.
     */
    private static Subject ceiling() {
        javafx.scene.layout.Region plain = new javafx.scene.layout.Region();
        DoubleConsumer repaint = v -> plain.setBackground(javafx.scene.layout.Background.fill(
                javafx.scene.paint.Color.gray(0.3 + 0.4 * Math.abs(Math.sin(v * 1000)))));
        return new Subject(new javafx.scene.layout.StackPane(plain), repaint, repaint, () -> { });
    }

    private static Subject liveMap(CameraSet set, boolean levelOfDetail) {
        LiveMapViewModel vm = new LiveMapViewModel(MAP_DATUM, Clock.systemUTC());
        vm.setCameras(set);
        LiveMapView view = new LiveMapView(vm);
        if (!levelOfDetail) {
            view.setCameraLevelOfDetail(0, Integer.MAX_VALUE);
        }
        var centre = org.commandroom.core.geo.GeoPoint.wgs84(SyntheticCounty.CENTRE_LAT, SyntheticCounty.CENTRE_LON);
        view.centreOn(centre, ZOOM);
        var c = org.commandroom.core.geo.DatumConverter.convert(centre, MAP_DATUM);
        return new Subject(view,
                dx -> view.centreOn(new org.commandroom.core.geo.GeoPoint(c.lat(), c.lon() + dx, MAP_DATUM)),
                z -> view.setZoom(z),
                () -> System.out.printf(Locale.ROOT, "    cameras in view: %,d, clustered: %s, camera layer's own drawing %.1f ms/frame%n",
                        view.cameraLayer().lastVisibleCount(), view.cameraLayer().lastClustered(), view.cameraLayer().meanDrawMillis()));
    }

    /**
     * The live map with {@code n} patrol units whose terminals all report once a second: every second
     * of frames all markers are replaced with moved ones, as the workstation does from the unit board.
     */
    private static Subject liveMapWithMovingUnits(CameraSet set, int n) {
        Subject base = liveMap(set, true);
        LiveMapView view = (LiveMapView) base.root();
        LiveMapViewModel vm = view.viewModel();
        java.util.Random random = new java.util.Random(7);
        double[] lat = new double[n];
        double[] lon = new double[n];
        var c = org.commandroom.core.geo.DatumConverter.convert(
                org.commandroom.core.geo.GeoPoint.wgs84(SyntheticCounty.CENTRE_LAT, SyntheticCounty.CENTRE_LON), MAP_DATUM);
        for (int i = 0; i < n; i++) {
            lat[i] = c.lat() + (random.nextDouble() - 0.5) * 0.08;
            lon[i] = c.lon() + (random.nextDouble() - 0.5) * 0.08;
        }
        long[] last = {0};
        Runnable report = () -> {
            java.time.Instant now = java.time.Instant.now();
            List<UnitMarker> markers = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                lat[i] += (random.nextDouble() - 0.5) * 0.0004;
                lon[i] += (random.nextDouble() - 0.5) * 0.0004;
                markers.add(new UnitMarker(Integer.toString(i), "巡" + i, org.commandroom.core.unit.UnitKind.CAR,
                        org.commandroom.core.unit.UnitStatus.values()[i % 4],
                        new org.commandroom.core.geo.GeoPoint(lat[i], lon[i], MAP_DATUM), random.nextDouble() * 360, now));
            }
            vm.units().setAll(markers);
        };
        report.run();
        java.util.function.DoubleConsumer everySecond = ignored -> {
            long t = System.nanoTime();
            if (t - last[0] >= 1_000_000_000L) {
                last[0] = t;
                report.run();
            }
        };
        return new Subject(view, dx -> {
            everySecond.accept(dx);
            base.panTo().accept(dx);
        }, z -> {
            everySecond.accept(z);
            base.zoomTo().accept(z);
        }, base.info(), () -> everySecond.accept(0));
    }

    /**
     * Every layer of the legend on, at Bao'an scale: police grids, communities, micro-grids, zones,
     * places, cameras, 500 units reporting every second and incidents, at the given zoom.
     */
    private static Subject allLayers(SyntheticCounty county, CameraSet set, int units, double zoom) {
        Subject moving = liveMapWithMovingUnits(set, units);
        LiveMapView view = (LiveMapView) moving.root();
        // the wall's map (any window wider than the desk's 1920) moves as the wall's MapPanel makes it
        // (called by name so that the benchmark also runs against code from before the method, for a baseline)
        if (WIDTH > 1920 && System.getProperty("bench.deskWay") == null) {
            try {
                LiveMapView.class.getMethod("setRasterWhileMoving", boolean.class).invoke(view, true);
            } catch (ReflectiveOperationException e) {
                System.out.println("    (this build has no setRasterWhileMoving: the wall's map moves as the desk's)");
            }
        }
        LiveMapViewModel vm = view.viewModel();
        vm.setGrids(county.boxes("G", System.getProperty("bench.noNames") != null ? "" : "警格", 20, 20, 0.15, 0.2));
        vm.setAreas(MapLayerId.COMMUNITIES, county.boxes("C", "社区", 11, 11, 0.15, 0.2));
        vm.setAreas(MapLayerId.MICRO_GRIDS, county.boxes("M", "网格", 70, 69, 0.15, 0.2));
        vm.setAreas(MapLayerId.PATROL_ZONES, county.zones(12));
        vm.setPlaces(MapLayerId.KEY_PLACES, county.places("P", "重点部位", "SCHOOL", 500));
        vm.setPlaces(MapLayerId.POLICE_OFFICES, county.places("O", "警务室", "", 124));
        vm.setPlaces(MapLayerId.DEPLOYMENT_POINTS, county.places("D", "布警点", "", 150));
        vm.incidents().setAll(county.incidents(java.time.Instant.now()));
        vm.incidents().addAll(county.incidents(java.time.Instant.now().minusSeconds(3600)).stream()
                .map(m -> new IncidentMarker(m.id() + "b", m.title(), m.priority(), m.position(), m.reportedAt())).toList());
        for (int i = 0; i < 8; i++) {
            vm.incidents().addAll(county.incidents(java.time.Instant.now().minusSeconds(7200)).stream()
                    .map(m -> new IncidentMarker(m.id() + "c", m.title(), m.priority(), m.position(), m.reportedAt()))
                    .limit(1).toList());
        }
        for (String off : System.getProperty("bench.off", "").split(",")) {
            if (!off.isBlank()) {
                vm.layerVisibleProperty(MapLayerId.valueOf(off.trim())).set(false);
            }
        }
        var centre = org.commandroom.core.geo.GeoPoint.wgs84(SyntheticCounty.CENTRE_LAT, SyntheticCounty.CENTRE_LON);
        view.centreOn(centre, zoom);
        // while the map stands still (the wall's usual state): the units report every second, and a new incident comes
        // in every two seconds somewhere in view and pulses (four seconds), as on a busy night
        java.util.Random random = new java.util.Random(5);
        var c = org.commandroom.core.geo.DatumConverter.convert(centre, MAP_DATUM);
        double degPerPx = 360 / (256 * Math.pow(2, zoom));
        long[] lastIncident = {System.nanoTime()};
        int[] added = {0};
        Runnable rest = () -> {
            moving.tick().run();
            long t = System.nanoTime();
            if (t - lastIncident[0] >= 2_000_000_000L) {
                lastIncident[0] = t;
                vm.incidents().add(new IncidentMarker("new" + added[0]++, "新警情 " + added[0], 1 + added[0] % 3,
                        new org.commandroom.core.geo.GeoPoint(c.lat() + (random.nextDouble() - 0.5) * HEIGHT * 0.8 * degPerPx * 0.8,
                                c.lon() + (random.nextDouble() - 0.5) * WIDTH * 0.8 * degPerPx, MAP_DATUM),
                        java.time.Instant.now()));
            }
        };
        return new Subject(view, moving.panTo(), moving.zoomTo(), () -> {
            moving.info().run();
            System.out.printf(Locale.ROOT, "    composite drawn %d times (else moved or scaled), %.1f ms each%n",
                    view.overlayLayer().draws(), view.overlayLayer().meanComposeMillis());
            System.out.printf(Locale.ROOT, "    units, incidents and every name (placed): drawn %d times, %.1f ms each, %d labels%n",
                    view.movingLayer().draws(), view.movingLayer().meanPaintMillis(), view.labels().placed().size());
            System.out.printf(Locale.ROOT, "    drawn: %d police grids, %d communities, %d micro-grids, %d key places%n",
                    view.areaLayer(MapLayerId.POLICE_GRIDS).lastDrawn(), view.areaLayer(MapLayerId.COMMUNITIES).lastDrawn(),
                    view.areaLayer(MapLayerId.MICRO_GRIDS).lastDrawn(), view.placeLayer(MapLayerId.KEY_PLACES).lastDrawn());
        }, zoom, rest);
    }

    /** Median and 99th percentile of picking (what is under the mouse) over random points in view. */
    private static String pickingLatency(CameraSet set, int units, int picks) {
        LiveMapViewModel vm = new LiveMapViewModel(MAP_DATUM, Clock.systemUTC());
        vm.setCameras(set);
        var c = org.commandroom.core.geo.DatumConverter.convert(
                org.commandroom.core.geo.GeoPoint.wgs84(SyntheticCounty.CENTRE_LAT, SyntheticCounty.CENTRE_LON), MAP_DATUM);
        java.util.Random random = new java.util.Random(11);
        List<UnitMarker> markers = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            markers.add(new UnitMarker(Integer.toString(i), "巡" + i, org.commandroom.core.unit.UnitKind.CAR,
                    org.commandroom.core.unit.UnitStatus.AVAILABLE, new org.commandroom.core.geo.GeoPoint(
                    c.lat() + (random.nextDouble() - 0.5) * 0.08, c.lon() + (random.nextDouble() - 0.5) * 0.08, MAP_DATUM),
                    0, java.time.Instant.now()));
        }
        vm.units().setAll(markers);
        long[] nanos = new long[picks];
        for (int i = 0; i < picks + 1000; i++) {
            var at = new org.commandroom.core.geo.GeoPoint(c.lat() + (random.nextDouble() - 0.5) * 0.1,
                    c.lon() + (random.nextDouble() - 0.5) * 0.1, MAP_DATUM);
            long t = System.nanoTime();
            vm.pick(at, 25);
            if (i >= 1000) { // the first thousand warm the JIT
                nanos[i - 1000] = System.nanoTime() - t;
            }
        }
        java.util.Arrays.sort(nanos);
        return String.format(Locale.ROOT, "picking with %,d cameras and %d units, %,d picks: p50 %.3f ms, p99 %.3f ms, max %.3f ms",
                set.size(), units, picks, nanos[picks / 2] / 1e6, nanos[picks * 99 / 100] / 1e6, nanos[picks - 1] / 1e6);
    }

    private static Subject nodeMap(CameraSet set) {
        MapView map = new MapView();
        NodePerCameraLayer layer = new NodePerCameraLayer(set);
        map.addLayer(layer);
        var centre = org.commandroom.core.geo.DatumConverter.convert(
                org.commandroom.core.geo.GeoPoint.wgs84(SyntheticCounty.CENTRE_LAT, SyntheticCounty.CENTRE_LON), MAP_DATUM);
        map.setZoom(ZOOM);
        map.setCenter(centre.lat(), centre.lon());
        return new Subject(map, dx -> map.setCenter(centre.lat(), centre.lon() + dx), map::setZoom,
                () -> System.out.printf(Locale.ROOT, "    nodes in layer: %,d%n", layer.getChildrenUnmodifiable().size()));
    }

    /** The way Gluon's samples draw points: a node each, moved in layoutLayer. */
    static final class NodePerCameraLayer extends MapLayer {
        private final CameraSet set;
        private final List<Node> nodes = new ArrayList<>();

        NodePerCameraLayer(CameraSet set) {
            this.set = set;
            for (int i = 0; i < set.size(); i++) {
                Circle c = new Circle(2.5, MapPalette.fx(set.online(i) ? CameraSet.argb(set.kind(i)) : MapPalette.CAMERA_OFFLINE));
                nodes.add(c);
            }
            getChildren().addAll(nodes);
        }

        @Override
        protected void layoutLayer() {
            for (int i = 0; i < nodes.size(); i++) {
                Point2D p = getMapPoint(set.lat(i), set.lon(i));
                if (p != null) {
                    nodes.get(i).setTranslateX(p.getX());
                    nodes.get(i).setTranslateY(p.getY());
                }
            }
        }
    }

    /** Shows the subject, pans for {@code seconds}, then zooms for {@code seconds}; returns {pan fps, zoom fps}. */
    private static double[] run(String name, double seconds, SubjectFactory factory, List<String> lines) throws Exception {
        AtomicReference<Stage> stage = new AtomicReference<>();
        AtomicReference<Subject> subject = new AtomicReference<>();
        long t0 = System.nanoTime();
        onFx(() -> {
            Subject s = factory.create();
            Stage st = new Stage();
            st.setScene(new Scene(s.root(), WIDTH, HEIGHT));
            st.setX(0);
            st.setY(0);
            st.show();
            stage.set(st);
            subject.set(s);
        });
        System.out.printf(Locale.ROOT, "%s: shown in %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
        Thread.sleep(1500); // let the first tiles arrive
        double step = 0.0004 * Math.pow(2, ZOOM - subject.get().baseZoom());
        double pan = measure(seconds, frame -> subject.get().panTo().accept(((frame % 40) - 20) * step));
        double[] panCpu = lastCpuPerFrame.clone();
        double base = subject.get().baseZoom();
        double zoom = measure(seconds, frame -> subject.get().zoomTo().accept(base + (frame % 2) * 0.3));
        double[] zoomCpu = lastCpuPerFrame.clone();
        System.out.printf(Locale.ROOT, "    CPU per frame (FX thread / render thread): pan %.1f / %.1f ms, zoom %.1f / %.1f ms%n",
                panCpu[0], panCpu[1], zoomCpu[0], zoomCpu[1]);
        if (name.startsWith("all layers")) {
            // a long drag: about 8 px a frame one way, so the composed image runs out of margin every 25 frames
            onFx(() -> subject.get().zoomTo().accept(base));
            double sweep = measure(seconds, frame -> subject.get().panTo().accept(frame * step * 3.4));
            System.out.printf(Locale.ROOT, "    long drag (8 px a frame, composed again every 25 frames): %.1f fps (%.1f ms/frame), "
                    + "CPU per frame %.1f / %.1f ms%n", sweep, 1000 / sweep, lastCpuPerFrame[0], lastCpuPerFrame[1]);
            sweeps.add(sweep);
            // the wall's own cases: at rest (units report, incidents pulse), and its flights to a priority-1 incident
            onFx(() -> subject.get().panTo().accept(0));
            Thread.sleep(1000);
            double rest = measure(seconds, frame -> subject.get().tick().run());
            double[] restCpu = lastCpuPerFrame.clone();
            LiveMapView view = (LiveMapView) subject.get().root();
            double[] fly = measureFlights(Math.max(seconds, 12), view, subject.get().tick(), base);
            String size = name.replaceAll(".*, (\\d+x\\d+), .*", "$1");
            lines.add(String.format(Locale.ROOT, "%-44s %6.1f fps (%5.1f ms/frame), CPU per frame (FX / render) %.1f / %.1f ms",
                    "  at rest, " + size, rest, 1000 / rest, restCpu[0], restCpu[1]));
            lines.add(String.format(Locale.ROOT, "%-44s %6.1f fps (%5.1f ms/frame) in %d flights, CPU per frame %.1f / %.1f ms; "
                    + "longest frame %.0f ms (in flight %.0f ms)", "  fly-to (1.5 s, +2 zoom, and back), " + size,
                    fly[0], 1000 / fly[0], (int) fly[1], fly[2], fly[3], fly[4], fly[5]));
            System.out.println(lines.get(lines.size() - 2));
            System.out.println(lines.get(lines.size() - 1));
        }
        onFx(() -> subject.get().info().run());
        onFx(() -> stage.get().close());
        lines.add(String.format(Locale.ROOT, "%-44s pan %6.1f fps (%5.1f ms/frame)   zoom %6.1f fps (%5.1f ms/frame)",
                name, pan, 1000 / pan, zoom, 1000 / zoom));
        System.out.println(lines.get(lines.size() - 1));
        System.gc();
        return new double[] {pan, zoom};
    }

    /**
     * The wall's flight: from the view (zoom {@code base}) to a point a third of the view right of and a fifth above its
     * centre at zoom {@code base + 2} in {@link #FLIGHT_MILLIS}, a second there, back in as long, a second there, and
     * so on for {@code seconds}; {@code tick} runs every frame (units reporting). Returns {frames per second while
     * flying, flights, FX and render CPU per frame over the whole run (ms), the longest gap between two frames (ms), the
     * longest in flight (ms)}.
     */
    private static double[] measureFlights(double seconds, LiveMapView view, Runnable tick, double base) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        double[] out = new double[6];
        AtomicReference<org.commandroom.core.geo.GeoPoint[]> ends = new AtomicReference<>();
        onFx(() -> ends.set(new org.commandroom.core.geo.GeoPoint[] {view.viewCentre(),
            view.geoAt(view.getWidth() * (0.5 + 1 / 3.0), view.getHeight() * (0.5 - 0.2))}));
        long[] state = {0, 0, 0, 0, 0, 0}; // start, last frame, frames in flight, nanos in flight, flights, frames
        long[] cpu = {0, 0};
        boolean[] out1 = {false};
        long[] flightStart = {0};
        long[] landed = {0};
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                tick.run();
                state[5]++;
                if (state[0] == 0) {
                    state[0] = now;
                    state[1] = now;
                    cpu[0] = threadCpu("JavaFX Application Thread", "GtkNativeMainLoopThread");
                    cpu[1] = threadCpu("QuantumRenderer");
                    landed[0] = now - 2_000_000_000L;
                }
                double gap = (now - state[1]) / 1e6;
                out[4] = Math.max(out[4], gap);
                if (view.flying() || flightStart[0] != 0 && !view.flying() && now - flightStart[0] < FLIGHT_MILLIS * 1_000_000L) {
                    out[5] = Math.max(out[5], gap);
                }
                state[1] = now;
                if (view.flying()) {
                    state[2]++;
                } else if (flightStart[0] != 0) {
                    state[3] += now - flightStart[0];
                    flightStart[0] = 0;
                    landed[0] = now;
                } else if (now - landed[0] >= 1_000_000_000L) {
                    if (now - state[0] >= (long) (seconds * 1e9)) {
                        out[2] = (threadCpu("JavaFX Application Thread", "GtkNativeMainLoopThread") - cpu[0]) / 1e6 / state[5];
                        out[3] = (threadCpu("QuantumRenderer") - cpu[1]) / 1e6 / state[5];
                        stop();
                        done.countDown();
                        return;
                    }
                    out1[0] = !out1[0];
                    org.commandroom.core.geo.GeoPoint to = out1[0] ? ends.get()[1] : ends.get()[0];
                    view.flyTo(to, out1[0] ? base + 2 : base, FLIGHT_MILLIS);
                    flightStart[0] = now;
                    state[4]++;
                }
            }
        };
        onFx(timer::start);
        if (!done.await((long) (seconds * 20 + 60), TimeUnit.SECONDS)) {
            onFx(timer::stop);
            throw new IllegalStateException("measurement did not finish");
        }
        out[0] = state[3] == 0 ? 0 : state[2] / (state[3] / 1e9);
        out[1] = state[4];
        return out;
    }

    /** The wall's flight to a priority-1 incident and back ({@code MapPanel.FLIGHT_MILLIS}). */
    private static final long FLIGHT_MILLIS = 1500;

    private interface Frame {
        void step(long frame);
    }

    private static double measure(double seconds, Frame step) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        long[] frames = {0};
        long[] start = {0};
        long[] end = {0};
        long warmupNanos = 500_000_000L;
        long[] first = {0};
        long[] tick = {0};
        long[] cpuAtStart = {0, 0};
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (first[0] == 0) {
                    first[0] = now;
                }
                step.step(tick[0]++);
                if (now - first[0] < warmupNanos) {
                    return;
                }
                if (start[0] == 0) {
                    start[0] = now;
                    cpuAtStart[0] = threadCpu("JavaFX Application Thread", "GtkNativeMainLoopThread");
                    cpuAtStart[1] = threadCpu("QuantumRenderer");
                }
                frames[0]++;
                if (now - start[0] >= (long) (seconds * 1e9)) {
                    end[0] = now;
                    lastCpuPerFrame[0] = (threadCpu("JavaFX Application Thread", "GtkNativeMainLoopThread") - cpuAtStart[0]) / 1e6 / frames[0];
                    lastCpuPerFrame[1] = (threadCpu("QuantumRenderer") - cpuAtStart[1]) / 1e6 / frames[0];
                    stop();
                    done.countDown();
                }
            }
        };
        onFx(timer::start);
        if (!done.await((long) (seconds * 20 + 60), TimeUnit.SECONDS)) {
            onFx(timer::stop);
            throw new IllegalStateException("measurement did not finish");
        }
        return (frames[0] - 1) / ((end[0] - start[0]) / 1e9);
    }

    /**
     * CPU time per measured frame of the last measurement, in ms: {FX thread, render thread}. Unlike
     * the frame rate, the machine's other load hardly changes it.
     */
    private static final double[] lastCpuPerFrame = new double[2];
    private static final List<Double> sweeps = new ArrayList<>();

    /** CPU time so far, in ns, of the live threads whose names start with one of the prefixes. */
    private static long threadCpu(String... prefixes) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            for (String p : prefixes) {
                if (t.getThreadName().startsWith(p)) {
                    sum += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
                    break;
                }
            }
        }
        return sum;
    }

    private static void onFx(Runnable r) throws Exception {
        CountDownLatch latch = new CountDownLatch(1);
        AtomicReference<Throwable> error = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                r.run();
            } catch (Throwable t) {
                error.set(t);
            } finally {
                latch.countDown();
            }
        });
        latch.await();
        if (error.get() != null) {
            throw new IllegalStateException(error.get());
        }
    }
}
