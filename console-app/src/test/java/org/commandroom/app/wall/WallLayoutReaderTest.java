package org.commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.commandroom.app.ui.common.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wall's layout file: what it places, and every mistake named with its line while the default stays. */
class WallLayoutReaderTest {

    @Test
    void theDefaultLayoutPlacesEveryPanelOnceWithoutOverlapAndRotatesTheRightHandAreas() {
        WallLayout layout = WallLayoutReader.defaultLayout();
        assertEquals(12, layout.columns());
        assertEquals(9, layout.rows());
        List<PanelKind> placed = layout.areas().stream().flatMap(a -> a.panels().stream()).toList();
        assertEquals(List.of(PanelKind.values()).size(), placed.size());
        assertTrue(placed.containsAll(List.of(PanelKind.values())));
        WallLayout.Area right = layout.areas().get(3);
        assertTrue(right.rotates());
        assertEquals(Duration.ofSeconds(20), right.every());
        assertEquals(List.of(PanelKind.TODAY, PanelKind.INDEX, PanelKind.RANKING, PanelKind.YEAR_ON_YEAR, PanelKind.PREVENTION),
                right.panels());
    }

    @Test
    void aFileWithCommentsBlankLinesAndABomIsReadWithColumnsAndRowsCountedFromOne() {
        WallLayoutReader.Result r = WallLayoutReader.read("\uFEFF# 大屏\n\ngrid 4x3   # four by three\n"
                + "area 1,1 3x3 map\narea 4,1 1x3 today ， open-incidents every 30 s\n");
        assertTrue(r.accepted(), () -> r.problems().toString());
        WallLayout l = r.layout().orElseThrow();
        assertEquals(new WallLayout.Area(0, 0, 3, 3, List.of(PanelKind.MAP), null), l.areas().get(0));
        assertEquals(new WallLayout.Area(3, 0, 1, 3, List.of(PanelKind.TODAY, PanelKind.OPEN_INCIDENTS), Duration.ofSeconds(30)),
                l.areas().get(1));
    }

    private static WallLayoutReader.Problem onlyProblem(String text) {
        WallLayoutReader.Result r = WallLayoutReader.read(text);
        assertFalse(r.accepted(), "a file with a mistake is not used");
        assertEquals(1, r.problems().size(), () -> r.problems().toString());
        return r.problems().get(0);
    }

    @Test
    void mapGridsChoosesTheGridColoursOnceAndAWrongValueIsNamedWithItsLine() {
        assertEquals(WallLayout.GridColours.RISK, WallLayoutReader.read("grid 1x1\narea 1,1 1x1 map\n").layout().orElseThrow()
                .gridColours());
        assertEquals(WallLayout.GridColours.INDEX, WallLayoutReader.read("grid 1x1\nmap-grids INDEX\narea 1,1 1x1 map\n")
                .layout().orElseThrow().gridColours());
        WallLayoutReader.Problem wrong = onlyProblem("grid 1x1\narea 1,1 1x1 map\nmap-grids score\n");
        assertEquals(3, wrong.line());
        assertEquals("wall.layout.problem.mapGrids", wrong.key());
        WallLayoutReader.Problem twice = onlyProblem("grid 1x1\nmap-grids risk\narea 1,1 1x1 map\nmap-grids index\n");
        assertEquals(4, twice.line());
        assertEquals(List.of(2), twice.args());
    }

    @Test
    void eachMistakeIsNamedWithItsLine() {
        String grid = "grid 4x3\n";
        assertEquals(3, onlyProblem(grid + "area 1,1 2x3 map\narea 3,1 2x3 mapp\n").line());
        assertEquals("wall.layout.problem.panel", onlyProblem(grid + "area 1,1 2x3 mapp\n").key());
        assertEquals("wall.layout.problem.overlap", onlyProblem(grid + "area 1,1 2x3 map\narea 2,1 2x3 today\n").key());
        assertEquals(List.of(2), onlyProblem(grid + "area 1,1 2x3 map\narea 2,1 2x3 today\n").args());
        assertEquals("wall.layout.problem.outside", onlyProblem(grid + "area 3,1 3x1 map\n").key());
        assertEquals("wall.layout.problem.panelTwice", onlyProblem(grid + "area 1,1 1x1 map\narea 2,1 1x1 map\n").key());
        assertEquals("wall.layout.problem.everyMissing", onlyProblem(grid + "area 1,1 1x1 map, today\n").key());
        assertEquals("wall.layout.problem.everyRange", onlyProblem(grid + "area 1,1 1x1 map, today every 2s\n").key());
        assertEquals("wall.layout.problem.every", onlyProblem(grid + "area 1,1 1x1 map, today every soon\n").key());
        assertEquals("wall.layout.problem.areaSyntax", onlyProblem(grid + "area 1 1 map\n").key());
        assertEquals("wall.layout.problem.keyword", onlyProblem(grid + "panel 1,1 1x1 map\n").key());
        assertEquals("wall.layout.problem.gridFirst", onlyProblem("area 1,1 1x1 map\ngrid 4x3\narea 2,1 1x1 today\n").key());
        assertEquals("wall.layout.problem.gridTwice", onlyProblem(grid + "grid 5x5\narea 1,1 1x1 map\n").key());
        assertEquals("wall.layout.problem.gridSize", onlyProblem("grid 40x3\n").key());
        assertEquals("wall.layout.problem.gridSyntax", onlyProblem("grid big\n").key());
        assertEquals("wall.layout.problem.noGrid", onlyProblem("# nothing\n").key());
        assertEquals("wall.layout.problem.noArea", onlyProblem(grid).key());
    }

    @Test
    void everyMistakeOfAFileIsReportedNotOnlyTheFirst() {
        WallLayoutReader.Result r = WallLayoutReader.read("grid 4x3\narea 1,1 1x1 mapp\narea 9,9 1x1 today\narea 2,1 1x1 clock\n");
        assertFalse(r.accepted());
        assertEquals(List.of(2, 3), r.problems().stream().map(WallLayoutReader.Problem::line).toList());
    }

    @Test
    void aProblemReadsInChineseAndInEnglishWithItsLineAndEveryProblemKeyExistsInBothBundles() {
        WallLayoutReader.Problem p = onlyProblem("grid 4x3\n\narea 1,1 1x1 mapp\n");
        I18n zh = I18n.load(Locale.ROOT);
        I18n en = I18n.load(Locale.ENGLISH);
        assertEquals("第 3 行：未知面板“mapp”（可用：" + PanelKind.fileNames() + "）",
                zh.tr("wall.layout.line", p.line(), zh.tr(p.key(), p.args().toArray())));
        assertEquals("Line 3: unknown panel “mapp” (known: " + PanelKind.fileNames() + ")",
                en.tr("wall.layout.line", p.line(), en.tr(p.key(), p.args().toArray())));
        assertEquals("line 3: unknown panel 'mapp' (known: " + PanelKind.fileNames() + ")", p.describe());
    }

    @Test
    void aBadFileKeepsTheDefaultLayoutAndAGoodOneIsUsed(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("wall-layout.txt");
        Files.writeString(bad, "grid 2x2\narea 1,1 2x2 map\narea 1,1 1x1 clock\n", StandardCharsets.UTF_8);
        WallApplication.Loaded loaded = WallApplication.layout(bad);
        assertEquals(WallLayoutReader.defaultLayout(), loaded.layout());
        assertEquals(3, loaded.result().problems().get(0).line());

        Files.writeString(bad, "grid 2x2\narea 1,1 2x2 map\n", StandardCharsets.UTF_8);
        loaded = WallApplication.layout(bad);
        assertTrue(loaded.result().problems().isEmpty());
        assertEquals(1, loaded.layout().areas().size());
    }

    @Test
    void aFileThatIsNotUtf8KeepsTheDefaultAndSaysSo(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("wall-layout.txt");
        Files.write(bad, new byte[] {(byte) 0xC3, (byte) 0x28, 'g'});
        WallApplication.Loaded loaded = WallApplication.layout(bad);
        assertEquals(WallLayoutReader.defaultLayout(), loaded.layout());
        assertEquals("wall.layout.problem.unreadable", loaded.result().problems().get(0).key());
    }
}
