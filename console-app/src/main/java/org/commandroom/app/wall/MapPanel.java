package org.commandroom.app.wall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.commandroom.app.ui.map.IncidentMarker;
import org.commandroom.app.ui.map.LiveMapView;
import org.commandroom.app.ui.map.LiveMapViewModel;
import org.commandroom.app.ui.map.MapData;
import org.commandroom.app.ui.map.UnitMarker;
import org.commandroom.app.ui.map.tiles.MapTiles;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.QueueEntry;
import org.commandroom.core.live.Entity;
import org.commandroom.core.unit.UnitBoardEntry;

/**
 * The live map of the whole district, the desk's map view ({@link LiveMapView}) shown read-only: no mouse, no keys,
 * no legend, search or import. Units move (read every second), open incidents pulse as they arrive; when a priority-1
 * incident comes in the map flies to it and follows it for {@link #FOLLOW_FOR}, then returns to the whole district,
 * where it stays at least {@link #HOME_AT_LEAST} before it follows the next ({@link FollowPlan}).
 */
final class MapPanel extends WallPanel<MapPanel.Loaded> {

    /** The map's layers, and the grids' values when they are coloured by index (empty otherwise). */
    record Loaded(MapData.Prepared map, java.time.YearMonth month, java.util.Map<String, Double> gridValues) {
    }

    /** How long the map stays on a new priority-1 incident. */
    static final Duration FOLLOW_FOR = Duration.ofSeconds(90);
    /** After following one, the district at least this long before the next (a busy night's run of them). */
    static final Duration HOME_AT_LEAST = Duration.ofSeconds(60);
    /** A priority-1 incident that waited this long to be followed is left to pulse on the district map. */
    static final Duration FOLLOW_STALE_AFTER = Duration.ofMinutes(10);
    static final double FOLLOW_ZOOM = 15;
    static final double HOME_ZOOM = 12.0;
    static final long FLIGHT_MILLIS = 1500;
    /** Unit positions are read this often. */
    static final Duration UNITS_EVERY = Duration.ofSeconds(1);
    static final Duration INCIDENTS_EVERY = Duration.ofSeconds(5);

    private final StackPane stack = new StackPane();
    private final Label following = WallCharts.label("", "wall-notice-text");
    private final StackPane followingBox = new StackPane(following);
    private final PauseTransition followEnd = new PauseTransition(javafx.util.Duration.millis(FOLLOW_FOR.toMillis()));
    private LiveMapView view;
    private LiveMapViewModel vm;
    private GeoPoint home;
    private boolean homed;
    private Set<Long> seenIncidents;
    /** What a viewer sees take time: real time, whatever clock the data runs on (a compressed night). */
    private final java.time.Clock viewerTime = java.time.Clock.systemUTC();
    private final FollowPlan plan = new FollowPlan(FOLLOW_FOR, HOME_AT_LEAST, FOLLOW_STALE_AFTER);
    private boolean unitsLoading;
    private boolean incidentsLoading;
    private Instant liveAt;

    private final WallLayout.GridColours colours;
    private final Label gridsCaption = WallCharts.label("", "wall-notice-text");
    private final StackPane gridsCaptionBox = new StackPane(gridsCaption);
    private int gridsByIndex;

    MapPanel(WallUi ui, WallLayout.GridColours colours) {
        super(ui, PanelKind.MAP);
        this.colours = colours;
        setTitle(ui.i18n().tr("wall.map.title"));
        followingBox.getStyleClass().add("wall-notice");
        followingBox.setVisible(false);
        followingBox.setMaxSize(StackPane.USE_PREF_SIZE, StackPane.USE_PREF_SIZE);
        StackPane.setAlignment(followingBox, Pos.TOP_LEFT);
        StackPane.setMargin(followingBox, new Insets(8));
        followEnd.setOnFinished(e -> {
            plan.ended(viewerTime.instant());
            goHome();
        });
        gridsCaptionBox.getStyleClass().add("wall-notice");
        gridsCaptionBox.setMaxSize(StackPane.USE_PREF_SIZE, StackPane.USE_PREF_SIZE);
        gridsCaptionBox.setId("wall-map-grids-caption");
        StackPane.setAlignment(gridsCaptionBox, Pos.BOTTOM_LEFT);
        StackPane.setMargin(gridsCaptionBox, new Insets(8));
        gridsCaptionBox.setVisible(colours == WallLayout.GridColours.INDEX);
    }

    @Override
    protected Loaded load(WallServices services) {
        MapData.Prepared map = MapData.prepare(services.statistics().mapLayers());
        if (colours != WallLayout.GridColours.INDEX) {
            return new Loaded(map, null, java.util.Map.of());
        }
        java.time.YearMonth month = java.time.YearMonth.from(ui.clock().instant().atZone(ui.clock().getZone()));
        org.commandroom.core.wall.WallStatistics.GridIndex index = services.statistics().gridsByStationIndex(services.ranking(), month);
        return new Loaded(map, index.month(), index.values());
    }

    @Override
    protected boolean isEmpty(Loaded l) {
        return l.map().centre() == null;
    }

    @Override
    protected String emptyText(Loaded l) {
        return ui.i18n().tr("wall.map.noDistrict");
    }

    @Override
    protected Node render(Loaded l) {
        MapData.Prepared p = l.map();
        if (view == null) {
            vm = new LiveMapViewModel(MapTiles.tileDatum(), ui.clock());
            vm.textScaleProperty().set(textScale);
            p.applyTo(vm);
            view = new LiveMapView(vm);
            view.setId("wall-map");
            // read-only: the wall's map answers no mouse and takes no keyboard focus
            view.setMouseTransparent(true);
            view.setFocusTraversable(false);
            // its flights scale the map drawn instead of drawing it every frame (4K on the software pipeline)
            view.setRasterWhileMoving(true);
            stack.getChildren().setAll(view, followingBox, gridsCaptionBox);
            home = p.centre();
            view.widthProperty().addListener((o, was, is) -> homeOnce());
            view.heightProperty().addListener((o, was, is) -> homeOnce());
            homeOnce();
        } else {
            p.applyTo(vm);
            view.refreshBaseMap();
        }
        if (colours == WallLayout.GridColours.INDEX) {
            vm.gridFillProperty().set(org.commandroom.app.ui.map.GridFill.byValue(l.gridValues(),
                    org.commandroom.app.ui.map.GridColouring.scorePalette()));
            gridsByIndex = l.gridValues().size();
            gridsCaption.setText(l.gridValues().isEmpty() ? ui.i18n().tr("wall.map.gridsByIndexNone")
                    : ui.i18n().tr("wall.map.gridsByIndex", l.month().getYear(), l.month().getMonthValue()));
        }
        return stack;
    }

    /** The smallest name on the wall's map, in px at 1920x1080: the wall's smallest text. */
    static final double SMALLEST_LABEL_PX = 24;

    private double textScale = SMALLEST_LABEL_PX / LiveMapViewModel.SMALLEST_LABEL_PX;

    /**
     * Sizes the map's names for the wall's scale (1 at 1920x1080, 2 at 4K): its smallest name (a micro-grid's) is as
     * large as the wall's smallest text, the rest in the desk map's proportions.
     */
    void scaleText(double wallScale) {
        textScale = SMALLEST_LABEL_PX * wallScale / LiveMapViewModel.SMALLEST_LABEL_PX;
        if (vm != null) {
            vm.textScaleProperty().set(textScale);
        }
    }

    /** How many police grids the map colours by their station's index (0 when coloured by risk grade). */
    int gridsColouredByIndex() {
        return gridsByIndex;
    }

    /** The smallest name's size on the map now, in px (for tests and the legibility log). */
    double smallestLabelPx() {
        return vm == null ? textScale * LiveMapViewModel.SMALLEST_LABEL_PX : vm.smallestLabelPx();
    }

    /**
     * The zoom at which the whole district fills the map's area: 12 fits a demo county (radius 11 km) into about
     * 1000 x 800 pixels; one more per doubling of the area's size (4K).
     */
    double homeZoom() {
        double w = Math.max(1, view.getWidth());
        double h = Math.max(1, view.getHeight());
        double z = HOME_ZOOM + Math.log(Math.min(w / 1000.0, h / 800.0)) / Math.log(2);
        return Math.max(8, Math.min(16, z));
    }

    private void homeOnce() {
        if (!homed && view != null && home != null && view.getWidth() > 0 && view.getHeight() > 0) {
            homed = true;
            view.centreOn(home, homeZoom());
        }
    }

    private void goHome() {
        followingBox.setVisible(false);
        if (view != null && home != null) {
            view.flyTo(home, homeZoom(), FLIGHT_MILLIS);
        }
    }

    /** Reads unit positions and open incidents (on the I/O executor); called every second by the screen. */
    void live(WallServices s, boolean incidentsToo) {
        if (vm == null || s == null) {
            return;
        }
        if (!unitsLoading) {
            unitsLoading = true;
            ui.tasks().run(() -> s.statistics().units(), units -> {
                unitsLoading = false;
                liveAt = ui.clock().instant();
                showUnits(units);
            }, e -> unitsLoading = false);
        }
        if (incidentsToo && !incidentsLoading) {
            incidentsLoading = true;
            ui.tasks().run(() -> s.statistics().openQueue(), queue -> {
                incidentsLoading = false;
                showIncidents(queue);
            }, e -> incidentsLoading = false);
        }
    }

    private void showUnits(List<UnitBoardEntry> units) {
        List<UnitMarker> markers = new ArrayList<>(units.size());
        for (UnitBoardEntry e : units) {
            if (e.position() != null && e.fixAt() != null) {
                markers.add(new UnitMarker(Long.toString(e.id()), e.callSign(), e.kind(), e.status(), e.position(),
                        e.heading() == null ? Double.NaN : e.heading(), e.fixAt()));
            }
        }
        if (!markers.equals(vm.units())) {
            vm.units().setAll(markers);
        }
    }

    private void showIncidents(List<QueueEntry> queue) {
        List<IncidentMarker> markers = new ArrayList<>();
        Instant now = viewerTime.instant();
        Set<Long> ids = new HashSet<>();
        for (QueueEntry e : queue) {
            ids.add(e.id());
            if (e.position() == null) {
                continue;
            }
            markers.add(new IncidentMarker(Long.toString(e.id()), e.incidentNo() + " " + ui.i18n().label(e.type()),
                    e.priority(), e.position(), e.receivedAt()));
            if (seenIncidents != null && !seenIncidents.contains(e.id()) && e.priority() == 1) {
                plan.offer(e, now);
            }
        }
        seenIncidents = ids;
        if (!markers.equals(vm.incidents())) {
            vm.incidents().setAll(markers);
        }
        QueueEntry follow = plan.next(now, ids);
        if (follow != null) {
            follow(follow);
        }
    }

    private void follow(QueueEntry e) {
        following.setText(ui.i18n().tr("wall.map.following", ui.i18n().label(e.type()), e.stationName() == null ? "" : e.stationName()));
        followingBox.setVisible(true);
        view.flyTo(e.position(), FOLLOW_ZOOM, FLIGHT_MILLIS);
        followEnd.playFromStart();
    }

    /** Ends following now, as {@link #FOLLOW_FOR} does (tests). */
    void stopFollowing() {
        followEnd.stop();
        plan.ended(viewerTime.instant());
        goHome();
    }

    /** Whether the map is on a priority-1 incident now (for tests). */
    boolean following() {
        return followingBox.isVisible();
    }

    @Override
    public Instant loadedAt() {
        Instant layers = super.loadedAt();
        return layers == null || liveAt == null ? layers : liveAt;
    }

    @Override
    protected Duration refreshEvery() {
        return Duration.ofHours(1);
    }

    @Override
    protected Duration staleAfter() {
        return Duration.ofSeconds(30);
    }

    @Override
    protected Set<Entity> follows() {
        return Set.of(Entity.GEOGRAPHY, Entity.CAMERA);
    }

    LiveMapView view() {
        return view;
    }
}
