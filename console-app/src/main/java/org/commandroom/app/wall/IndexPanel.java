package org.commandroom.app.wall;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.commandroom.core.index.CapabilityDef;
import org.commandroom.core.index.IndexTrend;
import org.commandroom.core.index.Period;
import org.commandroom.core.index.Scope;
import org.commandroom.core.index.ScopeResult;
import org.commandroom.core.index.StationFacts;

/**
 * The bureau's prevention index (主防指数) this month (last month's until this one is computed) with its seven
 * capabilities as gauges, and the index over the twelve months to date.
 */
final class IndexPanel extends IndexFedPanel<IndexPanel.Figures> {

    record Figures(Period period, Optional<ScopeResult> result, List<CapabilityDef> capabilities, IndexTrend.Trend trend) {
    }

    IndexPanel(WallUi ui) {
        super(ui, PanelKind.INDEX);
        setTitle(ui.i18n().tr("wall.index.title"));
    }

    @Override
    protected Figures load(WallServices s) {
        List<StationFacts> stations = s.indexScores().stations();
        YearMonth month = YearMonth.from(ui.clock().instant().atZone(ui.clock().getZone()));
        List<CapabilityDef> caps = s.definitions().current().capabilities();
        if (stations.isEmpty()) {
            return new Figures(Period.month(month), Optional.empty(), caps, null);
        }
        Scope bureau = Scope.bureau(stations.get(0).bureauId());
        Period period = Period.month(month);
        Optional<ScopeResult> result = s.indexScores().result(bureau, period);
        if (result.isEmpty() || result.get().index() == null) {
            Period previous = Period.month(month.minusMonths(1));
            Optional<ScopeResult> last = s.indexScores().result(bureau, previous);
            if (last.isPresent()) {
                period = previous;
                result = last;
            }
        }
        IndexTrend.Trend trend = s.trend().trend(stations.get(0).id(), YearMonth.from(period.start()), "INDEX");
        return new Figures(period, result, caps, trend);
    }

    @Override
    protected boolean isEmpty(Figures f) {
        return f.result().isEmpty() || f.result().get().index() == null;
    }

    @Override
    protected String emptyText(Figures f) {
        return ui.i18n().tr("wall.index.notComputed");
    }

    @Override
    protected Node render(Figures f) {
        ScopeResult r = f.result().orElseThrow();
        setTitle(ui.i18n().tr("wall.index.titlePeriod", WallText.month(ui.i18n(), f.period(), ui.clock().instant())));
        WallCharts.Gauge overall = new WallCharts.Gauge(ui.i18n().tr("wall.index.overall"), r.index(), "wall-figure");
        overall.setId("wall-index-overall");
        overall.getStyleClass().add("wall-gauge-big");
        VBox trendBox = WallCharts.gap(new VBox(), 4);
        if (f.trend() != null) {
            List<YearMonth> months = f.trend().months();
            DateTimeFormatter fmt = DateTimeFormatter.ofPattern(ui.i18n().tr("wall.index.monthPattern"), ui.i18n().locale());
            WallCharts.TrendLine line = new WallCharts.TrendLine(f.trend().bureau(), fmt.format(months.get(0)),
                    fmt.format(months.get(months.size() - 1)));
            VBox.setVgrow(line, Priority.ALWAYS);
            trendBox.getChildren().addAll(WallCharts.label(ui.i18n().tr("wall.index.trend"), "wall-muted"), line);
        }
        HBox top = WallCharts.gap(new HBox(overall, trendBox), 24);
        HBox.setHgrow(trendBox, Priority.ALWAYS);
        VBox.setVgrow(top, Priority.ALWAYS);
        GridPane gauges = new GridPane();
        gauges.setHgap(8);
        gauges.setVgap(4);
        int i = 0;
        boolean english = !"zh".equals(ui.i18n().locale().getLanguage());
        for (CapabilityDef c : f.capabilities()) {
            String name = WallText.capability(english ? c.nameEn() : c.nameZh(), english);
            WallCharts.Gauge g = new WallCharts.Gauge(name, r.capabilities().get(c.code()),
                    "wall-text-strong");
            g.getStyleClass().add("wall-gauge");
            GridPane.setHgrow(g, Priority.ALWAYS);
            GridPane.setVgrow(g, Priority.ALWAYS);
            gauges.add(g, i % 4, i / 4);
            i++;
        }
        VBox.setVgrow(gauges, Priority.ALWAYS);
        VBox box = WallCharts.gap(new VBox(top, gauges), 6);
        box.setAlignment(Pos.TOP_LEFT);
        if (r.vetoedBy() != null) {
            Label veto = WallCharts.label(ui.i18n().tr("wall.index.vetoed"), "wall-text", "danger");
            box.getChildren().add(veto);
        }
        return box;
    }
}
