package org.commandroom.app.drill;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commandroom.app.LaunchOptions;

/**
 * The drill's part of the command line: {@code --drill <scenario.yaml>} (a file, or the name of a bundled scenario
 * such as {@code fugitive-qianjin-road.yaml}) and {@code --trainee <name>}. Taken out before the rest is parsed, as
 * the wall's options are.
 */
public record DrillOptions(Optional<String> scenario, String trainee) {

    /** The drill options, and the arguments left for {@link LaunchOptions#parse}. */
    public record Split(DrillOptions drill, List<String> rest) {
    }

    public static Split extract(List<String> args) throws LaunchOptions.UsageException {
        String scenario = null;
        String trainee = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ("--drill".equals(a) || "--trainee".equals(a)) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new LaunchOptions.UsageException(a + " needs a value");
                }
                if ("--drill".equals(a)) {
                    scenario = args.get(++i);
                } else {
                    trainee = args.get(++i).strip();
                }
            } else {
                rest.add(a);
            }
        }
        if (trainee != null && scenario == null) {
            throw new LaunchOptions.UsageException("--trainee is only for a drill (--drill <scenario.yaml>)");
        }
        return new Split(new DrillOptions(Optional.ofNullable(scenario),
                trainee == null || trainee.isEmpty() ? System.getProperty("user.name", "trainee") : trainee), List.copyOf(rest));
    }

    public boolean wanted() {
        return scenario.isPresent();
    }

    /** The scenario as a file, when it names one that exists; else it names a bundled scenario. */
    public Optional<Path> file() {
        return scenario.map(Path::of).filter(java.nio.file.Files::isRegularFile);
    }
}
