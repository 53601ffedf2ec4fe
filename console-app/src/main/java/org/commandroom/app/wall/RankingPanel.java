package org.commandroom.app.wall;

import java.time.YearMonth;
import java.util.List;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.commandroom.core.index.IndexRanking;
import org.commandroom.core.index.Period;
import org.commandroom.core.index.ScopeKind;

/**
 * The stations ranked by their prevention index (主防指数) this month, each with its change on the previous month;
 * last month's ranking when this month has not been computed yet. In two columns when there are many stations.
 */
final class RankingPanel extends IndexFedPanel<RankingPanel.Ranking> {

    /** Rows per column. */
    static final int PER_COLUMN = 10;

    record Ranking(Period period, List<IndexRanking.RankRow> rows) {
    }

    RankingPanel(WallUi ui) {
        super(ui, PanelKind.RANKING);
        setTitle(ui.i18n().tr("wall.ranking.title"));
    }

    @Override
    protected Ranking load(WallServices services) {
        YearMonth month = YearMonth.from(ui.clock().instant().atZone(ui.clock().getZone()));
        for (Period p : List.of(Period.month(month), Period.month(month.minusMonths(1)))) {
            List<IndexRanking.RankRow> rows = services.ranking().rank(p, ScopeKind.STATION, "INDEX");
            if (rows.stream().anyMatch(r -> r.score() != null)) {
                return new Ranking(p, rows.stream().filter(r -> r.score() != null).toList());
            }
        }
        return new Ranking(Period.month(month), List.of());
    }

    @Override
    protected boolean isEmpty(Ranking data) {
        return data.rows().isEmpty();
    }

    @Override
    protected String emptyText(Ranking data) {
        return ui.i18n().tr("wall.index.notComputed");
    }

    @Override
    protected Node render(Ranking r) {
        setTitle(ui.i18n().tr("wall.ranking.titlePeriod", WallText.month(ui.i18n(), r.period(), ui.clock().instant())));
        HBox columns = WallCharts.gap(new HBox(), 48);
        int shown = Math.min(r.rows().size(), PER_COLUMN * 2);
        for (int start = 0; start < shown; start += PER_COLUMN) {
            GridPane g = new GridPane();
            g.setHgap(16);
            ColumnConstraints rank = new ColumnConstraints();
            rank.setHalignment(HPos.RIGHT);
            ColumnConstraints name = new ColumnConstraints();
            name.setHgrow(Priority.ALWAYS);
            ColumnConstraints score = new ColumnConstraints();
            score.setHalignment(HPos.RIGHT);
            ColumnConstraints change = new ColumnConstraints();
            change.setHalignment(HPos.RIGHT);
            g.getColumnConstraints().addAll(rank, name, score, change);
            for (int i = start; i < Math.min(shown, start + PER_COLUMN); i++) {
                IndexRanking.RankRow row = r.rows().get(i);
                int line = i - start;
                g.add(WallCharts.label(Integer.toString(row.rankOverall()), "wall-muted"), 0, line);
                g.add(WallCharts.label(row.name(), "wall-text"), 1, line);
                g.add(WallCharts.label(WallText.score(row.score()), "wall-text-strong"), 2, line);
                Double c = row.changeOnPrevious();
                // the index is better when higher: a rise is good news (green), a fall bad (red)
                String style = c == null || Math.abs(c) < 0.05 ? "wall-muted" : c > 0 ? "success" : "danger";
                g.add(WallCharts.label(WallText.points(c), "wall-text", style), 3, line);
            }
            HBox.setHgrow(g, Priority.ALWAYS);
            columns.getChildren().add(g);
        }
        VBox box = WallCharts.gap(new VBox(columns), 6);
        box.getChildren().add(WallCharts.label(ui.i18n().tr("wall.ranking.note",
                r.rows().size() > shown ? r.rows().size() - shown : 0), "wall-muted"));
        return box;
    }
}
