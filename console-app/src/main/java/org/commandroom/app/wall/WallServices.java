package org.commandroom.app.wall;

import org.commandroom.core.index.IndexDefinitions;
import org.commandroom.core.index.IndexRanking;
import org.commandroom.core.index.IndexTrace;
import org.commandroom.core.index.IndexTrend;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.store.Database;
import org.commandroom.core.wall.WallPrevention;
import org.commandroom.core.wall.WallStatistics;

/**
 * What the wall reads once the database is open. Every member only reads: the statistics, the prevention index's
 * stored scores, rankings and trends, the prevention work's sums per station and community ({@link WallPrevention}),
 * and the change feed (which tails the change log). No service that writes
 * (incidents, units, orders, push, escalation, index updater, drafts, imports) is built for the wall, so none can be
 * reached from it. {@code database} is here for its health and for the map's layers ({@code MapData}).
 */
public record WallServices(Database database, ChangeFeed feed, WallStatistics statistics, IndexDefinitions definitions,
                           IndexTrace indexScores, IndexRanking ranking, IndexTrend trend,
                           WallPrevention prevention) {
}
