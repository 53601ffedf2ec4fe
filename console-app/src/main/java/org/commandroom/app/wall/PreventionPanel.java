package org.commandroom.app.wall;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.commandroom.core.prevention.CommunityRisk.Grade;
import org.commandroom.core.wall.WallPrevention;

/**
 * 主防工作 (prevention work, issue 15): the communities by their 分色预警 colour with the red ones named, the house
 * inspections overdue and the model alerts late now, by station, and each station's officers' work-hours this week
 * with the community officers' share of time in their own community (indicator 36's figure, this week so far).
 */
final class PreventionPanel extends WallPanel<WallPrevention.Summary> {

    /** Stations listed, most overdue first; the rest are counted in one line. */
    static final int LISTED = 6;
    /** Red communities named; the rest are counted. */
    static final int NAMED = 6;

    PreventionPanel(WallUi ui) {
        super(ui, PanelKind.PREVENTION);
        setTitle(ui.i18n().tr("wall.prevention.title"));
    }

    @Override
    protected WallPrevention.Summary load(WallServices services) {
        return services.prevention().read();
    }

    @Override
    protected boolean isEmpty(WallPrevention.Summary data) {
        return data.isEmpty();
    }

    @Override
    protected String emptyText(WallPrevention.Summary data) {
        return ui.i18n().tr("wall.prevention.empty");
    }

    @Override
    protected Node render(WallPrevention.Summary s) {
        VBox box = WallCharts.gap(new VBox(), 8);
        box.getChildren().addAll(figures(s), redNamed(s), table(s.stations()));
        if (s.stations().size() > LISTED) {
            box.getChildren().add(WallCharts.label(ui.i18n().tr("wall.prevention.more", s.stations().size() - LISTED), "wall-muted"));
        }
        String monday = DateTimeFormatter.ofPattern(ui.i18n().tr("wall.prevention.dayPattern"), ui.i18n().locale())
                .format(s.weekFrom());
        Label note = WallCharts.label(ui.i18n().tr("wall.prevention.note", monday), "wall-muted");
        wrap(note);
        box.getChildren().add(note);
        return box;
    }

    private HBox figures(WallPrevention.Summary s) {
        HBox colours = WallCharts.gap(new HBox(), 24);
        colours.getChildren().addAll(
                figure("wall.prevention.red", s.count(Grade.RED), "danger", "wall-prevention-red"),
                figure("wall.prevention.orange", s.count(Grade.ORANGE), "warning", "wall-prevention-orange"),
                figure("wall.prevention.green", s.count(Grade.GREEN), "success", "wall-prevention-green"));
        VBox communities = new VBox(WallCharts.label(ui.i18n().tr("wall.prevention.communities"), "wall-text"), colours);
        communities.setMinWidth(Region.USE_PREF_SIZE);
        int overdue = s.inspectionsOverdue();
        int late = s.alertsLate();
        HBox row = WallCharts.gap(new HBox(communities,
                figure("wall.prevention.overdue", overdue, overdue > 0 ? "danger" : "success", "wall-prevention-overdue"),
                figure("wall.prevention.late", late, late > 0 ? "danger" : "success", "wall-prevention-late")), 40);
        row.setAlignment(Pos.BOTTOM_LEFT);
        return row;
    }

    private VBox figure(String key, long n, String style, String id) {
        Label value = WallCharts.label(Long.toString(n), "wall-figure-medium", style);
        value.setId(id);
        VBox b = new VBox(WallCharts.label(ui.i18n().tr(key), "wall-text"), value);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private Label redNamed(WallPrevention.Summary s) {
        List<WallPrevention.Community> red = s.red();
        Label l;
        if (s.communities().isEmpty()) {
            l = WallCharts.label(ui.i18n().tr("wall.prevention.noCommunities"), "wall-muted");
        } else if (red.isEmpty()) {
            l = WallCharts.label(ui.i18n().tr("wall.prevention.noRed"), "wall-text", "success");
        } else {
            String sep = ui.i18n().tr("wall.prevention.sep");
            String names = String.join(sep, red.subList(0, Math.min(NAMED, red.size())).stream()
                    .map(WallPrevention.Community::name).toList());
            if (red.size() > NAMED) {
                names = ui.i18n().tr("wall.prevention.redSome", names, red.size());
            }
            l = WallCharts.label(ui.i18n().tr("wall.prevention.redNamed", names), "wall-text", "danger");
        }
        l.setId("wall-prevention-red-named");
        wrap(l);
        return l;
    }

    /** A text that takes the panel's width, on as many lines as it needs, never widening the panel. */
    private static void wrap(Label l) {
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setPrefWidth(0);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
    }

    private GridPane table(List<WallPrevention.Station> stations) {
        GridPane g = new GridPane();
        g.getStyleClass().add("wall-prevention-table");
        g.setId("wall-prevention-stations");
        ColumnConstraints name = new ColumnConstraints();
        g.getColumnConstraints().add(name);
        for (int i = 0; i < 4; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHalignment(HPos.RIGHT);
            g.getColumnConstraints().add(c);
        }
        String[] heads = {ui.i18n().tr("wall.prevention.col.station"), ui.i18n().tr("wall.prevention.col.overdue"),
                ui.i18n().tr("wall.prevention.col.late"), ui.i18n().tr("wall.prevention.col.hours"),
                ui.i18n().tr("wall.prevention.col.share")};
        for (int i = 0; i < heads.length; i++) {
            g.add(WallCharts.label(heads[i], "wall-muted"), i, 0);
        }
        int r = 1;
        for (WallPrevention.Station st : stations.subList(0, Math.min(LISTED, stations.size()))) {
            g.add(WallCharts.label(st.name(), "wall-text"), 0, r);
            g.add(count(st.inspectionsOverdue()), 1, r);
            g.add(count(st.alertsLate()), 2, r);
            g.add(WallCharts.label(ui.i18n().tr("wall.prevention.hours",
                    String.format(Locale.ROOT, "%.1f", st.officerSeconds() / 3600.0)), "wall-text"), 3, r);
            Double share = st.communityShare();
            g.add(share == null ? WallCharts.label("—", "wall-muted")
                    : WallCharts.label(String.format(Locale.ROOT, "%.0f%%", share * 100), "wall-text-strong"), 4, r);
            r++;
        }
        return g;
    }

    private static Label count(int n) {
        return WallCharts.label(Integer.toString(n), "wall-text-strong", n > 0 ? "danger" : "wall-text-strong");
    }

    @Override
    protected Duration refreshEvery() {
        // not on every order change: the communities' colours place every incident of the last 90 days
        return Duration.ofMinutes(2);
    }
}
