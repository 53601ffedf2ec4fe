package org.commandroom.app.wall;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.Entity;
import org.commandroom.core.store.DatabaseHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall's one screen: the panels placed by the layout, a full-width banner while the database is lost, a notice
 * when the layout file was not used, and a slow drift of a few pixels against burn-in. It takes no input at all: every
 * key, click, scroll and context-menu request is consumed before it reaches a node ({@link #install}), and it opens
 * no window or dialog.
 */
public final class WallScreen {

    private static final Logger LOG = LoggerFactory.getLogger(WallScreen.class);

    /** The layout's drift against burn-in: this many pixels (at 1080p) at most, one step this often. */
    static final double DRIFT_PX = 4;
    static final Duration DRIFT_STEP = Duration.ofSeconds(60);
    /** How long a failed connection waits before the wall tries again. */
    static final Duration RECONNECT_AFTER = Duration.ofSeconds(10);

    private final WallContext context;
    private final WallUi ui;
    private final StackPane root = new StackPane();
    private final VBox frame = new VBox();
    private final GridPane grid = new GridPane();
    private final StackPane banner = new StackPane();
    private final Label bannerText = new Label();
    private final VBox notice = new VBox();
    private final Map<PanelKind, WallPanel<?>> panels = new EnumMap<>(PanelKind.class);
    private WallLayout.GridColours gridColours = WallLayout.GridColours.RISK;
    private final List<Timeline> timelines = new ArrayList<>();
    private final List<Runnable> rotations = new ArrayList<>();
    private final ChangeFeed.Listener feedListener = this::onChanges;
    private WallServices services;
    private DatabaseHealth.State health;
    private Instant connectFailedAt;
    private String connectFailure;
    private boolean incidentsChanged;
    private int driftStep;
    private long ticks;

    public WallScreen(WallContext context, WallLayout layout, List<WallLayoutReader.Problem> layoutProblems, String layoutName) {
        this.context = context;
        this.ui = new WallUi(context.clock(), context.tasks(), context.i18n());
        root.getStyleClass().add("wall");
        root.setId("wall");
        bannerText.getStyleClass().add("wall-banner-text");
        bannerText.setId("wall-banner-text");
        bannerText.setWrapText(true);
        banner.getStyleClass().add("wall-banner");
        banner.setId("wall-banner");
        banner.getChildren().add(bannerText);
        banner.managedProperty().bind(banner.visibleProperty());
        banner.setVisible(false);
        notice.getStyleClass().add("wall-notice");
        notice.setId("wall-layout-notice");
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setVisible(!layoutProblems.isEmpty());
        if (!layoutProblems.isEmpty()) {
            notice.getChildren().add(WallCharts.label(ui.i18n().tr("wall.layout.rejected", layoutName), "wall-notice-text"));
            for (WallLayoutReader.Problem p : layoutProblems.subList(0, Math.min(3, layoutProblems.size()))) {
                Label l = WallCharts.label(ui.i18n().tr("wall.layout.line", p.line(),
                        ui.i18n().tr(p.key(), p.args().toArray())), "wall-notice-text");
                notice.getChildren().add(l);
            }
            if (layoutProblems.size() > 3) {
                notice.getChildren().add(WallCharts.label(ui.i18n().tr("wall.layout.moreProblems", layoutProblems.size() - 3),
                        "wall-notice-text"));
            }
        }
        gridColours = layout.gridColours();
        buildGrid(layout);
        grid.getStyleClass().add("wall-grid");
        VBox.setVgrow(grid, Priority.ALWAYS);
        frame.getChildren().addAll(banner, grid, notice);
        WallCharts.gap(frame, 6);
        root.getChildren().add(frame);
        root.setPadding(new Insets(DRIFT_PX * 2));
        root.widthProperty().addListener((o, was, is) -> rescale());
        root.heightProperty().addListener((o, was, is) -> rescale());
        timelines.add(every(Duration.ofSeconds(1), this::tick));
        timelines.add(every(DRIFT_STEP, this::drift));
    }

    private Timeline every(Duration d, Runnable r) {
        Timeline t = new Timeline(new KeyFrame(javafx.util.Duration.millis(d.toMillis()), e -> r.run()));
        t.setCycleCount(Animation.INDEFINITE);
        return t;
    }

    private void buildGrid(WallLayout layout) {
        for (int c = 0; c < layout.columns(); c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / layout.columns());
            cc.setMinWidth(0);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < layout.rows(); r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / layout.rows());
            rc.setMinHeight(0);
            grid.getRowConstraints().add(rc);
        }
        for (WallLayout.Area a : layout.areas()) {
            StackPane cell = new StackPane();
            cell.setMinSize(0, 0);
            List<WallPanel<?>> shown = new ArrayList<>();
            for (PanelKind k : a.panels()) {
                WallPanel<?> p = create(k);
                panels.put(k, p);
                shown.add(p);
            }
            cell.getChildren().setAll(shown.get(0).root());
            if (a.rotates()) {
                int[] at = {0};
                Runnable next = () -> {
                    at[0] = (at[0] + 1) % shown.size();
                    cell.getChildren().setAll(shown.get(at[0]).root());
                };
                rotations.add(next);
                timelines.add(every(a.every(), next));
            }
            grid.add(cell, a.column(), a.row(), a.width(), a.height());
        }
    }

    private WallPanel<?> create(PanelKind kind) {
        return switch (kind) {
            case CLOCK -> new ClockPanel(ui);
            case MAP -> new MapPanel(ui, gridColours);
            case TODAY -> new TodayPanel(ui);
            case OPEN_INCIDENTS -> new OpenIncidentsPanel(ui);
            case OVERDUE_ORDERS -> new OverdueOrdersPanel(ui);
            case RANKING -> new RankingPanel(ui);
            case INDEX -> new IndexPanel(ui);
            case YEAR_ON_YEAR -> new YearOnYearPanel(ui);
            case PREVENTION -> new PreventionPanel(ui);
        };
    }

    /** The scale class for the screen: the root font is 24 px at 1920x1080 and grows with the screen. */
    private void rescale() {
        double s = Math.min(root.getWidth() / 1920.0, root.getHeight() / 1080.0);
        root.getStyleClass().removeAll("wall-scale-075", "wall-scale-15", "wall-scale-2");
        if (s >= 1.75) {
            root.getStyleClass().add("wall-scale-2");
        } else if (s >= 1.3) {
            root.getStyleClass().add("wall-scale-15");
        } else if (s < 0.9 && s > 0) {
            root.getStyleClass().add("wall-scale-075");
        }
        if (panels.get(PanelKind.MAP) instanceof MapPanel map) {
            map.scaleText(scale());
        }
    }

    double scale() {
        double s = Math.min(root.getWidth() / 1920.0, root.getHeight() / 1080.0);
        return s >= 1.75 ? 2 : s >= 1.3 ? 1.5 : s < 0.9 && s > 0 ? 0.75 : 1;
    }

    /** Makes the scene take no input: every key, mouse, scroll, touch and context-menu event is consumed. */
    public static void install(Scene scene) {
        scene.addEventFilter(InputEvent.ANY, Event::consume);
        scene.setCursor(javafx.scene.Cursor.NONE);
    }

    public Node root() {
        return root;
    }

    /** Starts the clock, the drift and the rotation, and connects (on the I/O executor), again until it succeeds. */
    public void start() {
        timelines.forEach(Timeline::play);
        connect();
    }

    private void connect() {
        ui.tasks().run(context::connect, this::connected, e -> {
            connectFailedAt = ui.clock().instant();
            connectFailure = Failures.text(e, ui.i18n());
            LOG.warn("The wall could not connect; trying again in {} s", RECONNECT_AFTER.toSeconds());
            showBanner();
            Timeline again = new Timeline(new KeyFrame(javafx.util.Duration.millis(RECONNECT_AFTER.toMillis()), x -> connect()));
            again.play();
        });
    }

    private void connected(WallServices s) {
        services = s;
        connectFailure = null;
        s.feed().addListener(feedListener);
        s.database().health().addListener(Platform::runLater, state -> {
            boolean wasDown = health != null && !health.up();
            health = state;
            showBanner();
            if (wasDown && state.up()) {
                refreshAll();
            }
        });
        for (WallPanel<?> p : panels.values()) {
            Timeline t = every(p.refreshEvery(), () -> {
                if (databaseUp()) {
                    p.refresh(services);
                }
            });
            timelines.add(t);
            t.play();
        }
        refreshAll();
        showBanner();
    }

    private boolean databaseUp() {
        return services != null && (health == null || health.up());
    }

    private void refreshAll() {
        panels.values().forEach(p -> p.refresh(services));
        incidentsChanged = true;
    }

    private void onChanges(List<Change> changes) {
        for (WallPanel<?> p : panels.values()) {
            if (p.follows().stream().anyMatch(e -> !Change.idsOf(changes, e).isEmpty())) {
                p.refresh(services);
            }
        }
        if (!Change.idsOf(changes, Entity.INCIDENT).isEmpty()) {
            incidentsChanged = true;
        }
    }

    private void tick() {
        ticks++;
        panels.values().forEach(WallPanel::tick);
        if (databaseUp()) {
            Instant now = ui.clock().instant();
            panels.values().stream().filter(p -> p.due(now)).forEach(p -> p.refresh(services));
        }
        if (panels.get(PanelKind.MAP) instanceof MapPanel map && databaseUp()) {
            boolean incidents = incidentsChanged || ticks % MapPanel.INCIDENTS_EVERY.toSeconds() == 0;
            incidentsChanged = false;
            map.live(services, incidents);
        }
        if (banner.isVisible()) {
            showBanner();
        }
    }

    /** The full-width banner: the database lost (with the data's age), or the wall not connected yet. */
    private void showBanner() {
        Instant now = ui.clock().instant();
        if (services == null && connectFailure != null) {
            bannerText.setText(ui.i18n().tr("wall.banner.noConnection", connectFailure));
            banner.setVisible(true);
            return;
        }
        if (health != null && !health.up()) {
            Instant last = health.lastAnswer();
            String at = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ui.clock().getZone()).format(last);
            bannerText.setText(ui.i18n().tr("wall.banner.lost", at, WallText.age(ui.i18n(), Duration.between(last, now))));
            banner.setVisible(true);
            return;
        }
        banner.setVisible(false);
    }

    /** One step of the drift: the whole layout moves round a small square, a pixel or two at a time. */
    private void drift() {
        int[][] path = {{0, 0}, {1, 0}, {2, 0}, {2, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}, {-1, 1}, {-2, 0}, {-2, -1}, {-1, -2}, {0, -2},
            {1, -1}};
        driftStep = (driftStep + 1) % path.length;
        double unit = DRIFT_PX / 2 * scale();
        frame.setTranslateX(path[driftStep][0] * unit);
        frame.setTranslateY(path[driftStep][1] * unit);
    }

    /** Stops every timer and the feed listener. */
    public void stop() {
        timelines.forEach(Timeline::stop);
        if (services != null) {
            services.feed().removeListener(feedListener);
        }
    }

    // ---- for tests -------------------------------------------------------------------------------------------------

    java.util.Collection<WallPanel<?>> panels() {
        return panels.values();
    }

    Optional<WallPanel<?>> panel(PanelKind kind) {
        return Optional.ofNullable(panels.get(kind));
    }

    boolean bannerShown() {
        return banner.isVisible();
    }

    /** Shows the next panel in every rotating area now (tests). */
    void rotateNow() {
        rotations.forEach(Runnable::run);
    }

    /** Reads every panel again now (tests). */
    void refreshNow() {
        refreshAll();
    }

    /** Moves the drift on by one step now (tests). */
    void driftNow() {
        drift();
    }

    Node frame() {
        return frame;
    }
}
