package org.commandroom.app.wall;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commandroom.app.LaunchOptions;

/**
 * The wall's part of the command line, taken out before the rest is parsed as {@link LaunchOptions}:
 * {@code --wall} starts the wall display instead of the desk; {@code --wall-monitor 2} puts it on the second screen,
 * {@code --wall-monitor 1-3} across the first three side by side (default: the primary screen);
 * {@code --wall-layout <file>} reads the layout from that file (default: {@code wall-layout.txt} in the data
 * directory if there is one, else the product's default).
 *
 * @param firstMonitor 1-based, or 0 for the primary screen
 * @param lastMonitor  1-based, the same as {@code firstMonitor} for one screen
 */
public record WallOptions(boolean wall, int firstMonitor, int lastMonitor, Optional<Path> layoutFile) {

    public static final String USAGE = "[--wall [--wall-monitor <n>|<n>-<m>] [--wall-layout <file>]]";

    /** The wall's options and what is left for {@link LaunchOptions#parse}. */
    public record Split(WallOptions wall, List<String> rest) {
    }

    public static WallOptions none() {
        return new WallOptions(false, 0, 0, Optional.empty());
    }

    public static Split extract(List<String> args) throws LaunchOptions.UsageException {
        boolean wall = false;
        int first = 0;
        int last = 0;
        Path layout = null;
        boolean wallOnly = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--wall" -> wall = true;
                case "--wall-monitor" -> {
                    String v = value(args, ++i, a);
                    int[] range = monitors(v);
                    first = range[0];
                    last = range[1];
                    wallOnly = true;
                }
                case "--wall-layout" -> {
                    layout = Path.of(value(args, ++i, a));
                    wallOnly = true;
                }
                default -> rest.add(a);
            }
        }
        if (wallOnly && !wall) {
            throw new LaunchOptions.UsageException("--wall-monitor and --wall-layout apply to the wall display: add --wall");
        }
        return new Split(new WallOptions(wall, first, last, Optional.ofNullable(layout)), List.copyOf(rest));
    }

    private static int[] monitors(String v) throws LaunchOptions.UsageException {
        String[] parts = v.split("-", -1);
        try {
            if (parts.length == 1) {
                int n = Integer.parseInt(parts[0].strip());
                if (n >= 1 && n <= 16) {
                    return new int[] {n, n};
                }
            } else if (parts.length == 2) {
                int a = Integer.parseInt(parts[0].strip());
                int b = Integer.parseInt(parts[1].strip());
                if (a >= 1 && b >= a && b <= 16) {
                    return new int[] {a, b};
                }
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new LaunchOptions.UsageException("--wall-monitor needs a screen number from 1 (--wall-monitor 2) or a range "
                + "of screens side by side (--wall-monitor 1-3), not " + v);
    }

    private static String value(List<String> args, int i, String option) throws LaunchOptions.UsageException {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new LaunchOptions.UsageException(option + " needs a value");
        }
        return args.get(i);
    }
}
