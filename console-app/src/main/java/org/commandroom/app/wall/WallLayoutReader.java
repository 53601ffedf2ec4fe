package org.commandroom.app.wall;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a wall layout file (docs/WALL.md). UTF-8 text, one statement a line, {@code #} starts a comment:
 *
 * <pre>
 * grid 12x9                                   # columns x rows of equal cells
 * area 1,1 12x1 clock                         # column,row (from 1) width x height, then the panel
 * area 8,5 5x5 today, index, ranking every 20s  # several panels take turns, each for 20 s
 * </pre>
 *
 * A file with any problem is not used: every problem is reported with its line, and the caller keeps the default.
 */
public final class WallLayoutReader {

    /** The layout the wall uses when no file is given or the file has a problem. */
    public static final String DEFAULT_RESOURCE = "/org/commandroom/app/wall/default-layout.txt";
    public static final int MAX_CELLS = 24;
    /** The largest layout file read (the default is under 1 KB); a larger one is refused unread. */
    public static final int MAX_BYTES = 64 * 1024;
    public static final Duration MIN_EVERY = Duration.ofSeconds(5);
    public static final Duration MAX_EVERY = Duration.ofHours(1);

    /**
     * A problem on a line of the file: {@code key} is a bundle key ({@code wall.layout.problem.*}) and {@code args}
     * its arguments, so the wall says it in its language; {@link #describe()} says it in English for the log.
     */
    public record Problem(int line, String key, List<Object> args, String english) {
        public Problem {
            args = List.copyOf(args);
        }

        public String describe() {
            return "line " + line + ": " + english;
        }
    }

    /** The layout read, or empty when the file had problems (then the default stays). */
    public record Result(Optional<WallLayout> layout, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean accepted() {
            return layout.isPresent();
        }
    }

    private static final Pattern GRID = Pattern.compile("grid\\s+(\\S+)");
    private static final Pattern AREA = Pattern.compile("area\\s+(\\S+)\\s+(\\S+)\\s+(.+?)(?:\\s+every\\s+(\\S+(?:\\s*s)?))?");
    private static final Pattern PAIR = Pattern.compile("(\\d{1,3})\\s*([x×,])\\s*(\\d{1,3})");
    private static final Pattern SECONDS = Pattern.compile("(\\d{1,5})\\s*s?");

    private WallLayoutReader() {
    }

    /** The product's default layout (always valid: a test reads it). */
    public static WallLayout defaultLayout() {
        try (InputStream in = WallLayoutReader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            Result r = read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return r.layout().orElseThrow(() -> new IllegalStateException("the default wall layout has problems: "
                    + r.problems().stream().map(Problem::describe).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Result read(String text) {
        List<Problem> problems = new ArrayList<>();
        int columns = 0;
        int rows = 0;
        int gridLine = 0;
        List<WallLayout.Area> areas = new ArrayList<>();
        List<Integer> areaLines = new ArrayList<>();
        Map<PanelKind, Integer> placed = new HashMap<>();
        WallLayout.GridColours gridColours = WallLayout.GridColours.RISK;
        int gridColoursLine = 0;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip().replace('\u3000', ' ');
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            String keyword = line.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (keyword.equals("grid")) {
                Matcher m = GRID.matcher(line);
                int[] size = m.matches() ? pair(m.group(1), 'x') : null;
                if (gridLine > 0) {
                    problems.add(problem(n, "wall.layout.problem.gridTwice", "the grid is already given on line " + gridLine, gridLine));
                } else if (size == null) {
                    problems.add(problem(n, "wall.layout.problem.gridSyntax", "write the grid as 'grid 12x9' (columns x rows)"));
                } else if (size[0] < 1 || size[1] < 1 || size[0] > MAX_CELLS || size[1] > MAX_CELLS) {
                    problems.add(problem(n, "wall.layout.problem.gridSize",
                            "the grid needs 1 to " + MAX_CELLS + " columns and rows, not " + size[0] + "x" + size[1], MAX_CELLS));
                } else {
                    columns = size[0];
                    rows = size[1];
                    gridLine = n;
                }
                continue;
            }
            if (keyword.equals("map-grids")) {
                String[] words = line.split("\\s+");
                String value = words.length == 2 ? words[1].toLowerCase(Locale.ROOT) : "";
                if (gridColoursLine > 0) {
                    problems.add(problem(n, "wall.layout.problem.mapGridsTwice", "map-grids is already given on line "
                            + gridColoursLine, gridColoursLine));
                } else if (value.equals("risk") || value.equals("index")) {
                    gridColours = value.equals("risk") ? WallLayout.GridColours.RISK : WallLayout.GridColours.INDEX;
                    gridColoursLine = n;
                } else {
                    problems.add(problem(n, "wall.layout.problem.mapGrids",
                            "write 'map-grids risk' (risk grades) or 'map-grids index' (the station's prevention index)"));
                }
                continue;
            }
            if (!keyword.equals("area")) {
                problems.add(problem(n, "wall.layout.problem.keyword", "unknown statement '" + keyword
                        + "' (a line is 'grid …', 'area …' or 'map-grids …')", keyword));
                continue;
            }
            if (gridLine == 0) {
                problems.add(problem(n, "wall.layout.problem.gridFirst", "give the grid ('grid 12x9') before the areas"));
                continue;
            }
            Matcher m = AREA.matcher(line);
            int[] at = m.matches() ? pair(m.group(1), ',') : null;
            int[] size = m.matches() ? pair(m.group(2), 'x') : null;
            if (at == null || size == null) {
                problems.add(problem(n, "wall.layout.problem.areaSyntax",
                        "write an area as 'area 1,2 6x7 map' (column,row width x height, then panels)"));
                continue;
            }
            List<PanelKind> panels = new ArrayList<>();
            boolean bad = false;
            for (String name : m.group(3).split("\\s*[,，]\\s*")) {
                String key = name.strip().toLowerCase(Locale.ROOT);
                Optional<PanelKind> kind = PanelKind.byFileName(key);
                if (kind.isEmpty()) {
                    problems.add(problem(n, "wall.layout.problem.panel", "unknown panel '" + name.strip() + "' (known: "
                            + PanelKind.fileNames() + ")", name.strip(), PanelKind.fileNames()));
                    bad = true;
                } else if (placed.containsKey(kind.get()) || panels.contains(kind.get())) {
                    int first = placed.getOrDefault(kind.get(), n);
                    problems.add(problem(n, "wall.layout.problem.panelTwice", "the panel '" + key
                            + "' is already placed on line " + first, key, first));
                    bad = true;
                } else {
                    panels.add(kind.get());
                }
            }
            Duration every = null;
            if (m.group(4) != null) {
                Matcher s = SECONDS.matcher(m.group(4));
                if (!s.matches()) {
                    problems.add(problem(n, "wall.layout.problem.every", "write the turn as 'every 20s'"));
                    bad = true;
                } else {
                    every = Duration.ofSeconds(Long.parseLong(s.group(1)));
                    if (every.compareTo(MIN_EVERY) < 0 || every.compareTo(MAX_EVERY) > 0) {
                        problems.add(problem(n, "wall.layout.problem.everyRange", "a panel's turn lasts "
                                + MIN_EVERY.toSeconds() + " to " + MAX_EVERY.toSeconds() + " seconds, not " + every.toSeconds(),
                                MIN_EVERY.toSeconds(), MAX_EVERY.toSeconds(), every.toSeconds()));
                        bad = true;
                    }
                }
            } else if (panels.size() > 1) {
                problems.add(problem(n, "wall.layout.problem.everyMissing",
                        "several panels take turns: say how long each stays ('every 20s')"));
                bad = true;
            }
            int column = at[0] - 1;
            int row = at[1] - 1;
            if (at[0] < 1 || at[1] < 1 || size[0] < 1 || size[1] < 1 || column + size[0] > columns || row + size[1] > rows) {
                problems.add(problem(n, "wall.layout.problem.outside", "the area does not fit the " + columns + "x" + rows
                        + " grid", columns, rows));
                continue;
            }
            if (bad || panels.isEmpty()) {
                continue;
            }
            WallLayout.Area area = new WallLayout.Area(column, row, size[0], size[1], panels, panels.size() > 1 ? every : null);
            boolean overlap = false;
            for (int k = 0; k < areas.size(); k++) {
                if (areas.get(k).overlaps(area)) {
                    problems.add(problem(n, "wall.layout.problem.overlap", "the area overlaps the one on line "
                            + areaLines.get(k), areaLines.get(k)));
                    overlap = true;
                    break;
                }
            }
            if (overlap) {
                continue;
            }
            areas.add(area);
            areaLines.add(n);
            panels.forEach(p -> placed.put(p, n));
        }
        if (gridLine == 0 && problems.isEmpty()) {
            problems.add(problem(Math.max(1, lines.length), "wall.layout.problem.noGrid", "the file gives no grid ('grid 12x9')"));
        } else if (areas.isEmpty() && problems.isEmpty()) {
            problems.add(problem(Math.max(1, lines.length), "wall.layout.problem.noArea", "the file places no panel ('area …')"));
        }
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        return new Result(Optional.of(new WallLayout(columns, rows, areas, gridColours)), List.of());
    }

    private static int[] pair(String text, char separator) {
        Matcher m = PAIR.matcher(text);
        if (!m.matches()) {
            return null;
        }
        char sep = m.group(2).charAt(0);
        boolean ok = separator == ',' ? sep == ',' : sep == 'x' || sep == '×';
        return ok ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3))} : null;
    }

    private static Problem problem(int line, String key, String english, Object... args) {
        return new Problem(line, key, List.of(args), english);
    }
}
