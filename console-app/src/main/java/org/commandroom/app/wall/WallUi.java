package org.commandroom.app.wall;

import java.time.Clock;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;

/** What every wall panel needs: time, the I/O executor and words. */
public record WallUi(Clock clock, Tasks tasks, I18n i18n) {
}
