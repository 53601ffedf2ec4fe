package org.commandroom.app.wall;

import java.util.Map;
import org.commandroom.app.ConsoleSettings;
import org.commandroom.app.LaunchOptions;
import org.commandroom.core.access.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether this workstation is the wall: {@code --wall}, or {@code role=WALL_DISPLAY} in its {@code console.properties}. */
public final class WallLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(WallLauncher.class);

    private WallLauncher() {
    }

    public static boolean wanted(WallOptions wall, LaunchOptions options) {
        if (wall.wall()) {
            return true;
        }
        try {
            if (ConsoleSettings.load(options, Map.of()).role() == Role.WALL_DISPLAY) {
                LOG.info("This workstation's role is {}: starting the wall display", Role.WALL_DISPLAY);
                return true;
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            // the desk reads the settings again and says what is wrong with them
        }
        return false;
    }
}
