package org.commandroom.core.index;

/**
 * A station's peer group for ranking, without words: a quantile group by the definition's metrics (1 = the
 * stations with the most incidents, residents and area), the group named in the station's own {@code peer_group}
 * column, or {@link #NONE} for a station that column leaves out. The screen names it in the user's language.
 *
 * @param quantile 1.. for a quantile group, 0 otherwise
 * @param name     the column's name for a named group, null otherwise
 */
public record PeerGroup(int quantile, String name) {

    /** A station the peer_group column leaves out. */
    public static final PeerGroup NONE = new PeerGroup(0, null);

    public static PeerGroup quantile(int group) {
        if (group < 1) {
            throw new IllegalArgumentException("quantile groups count from 1: " + group);
        }
        return new PeerGroup(group, null);
    }

    public static PeerGroup named(String name) {
        return name == null || name.isBlank() ? NONE : new PeerGroup(0, name);
    }

    public boolean isQuantile() {
        return quantile > 0;
    }

    public boolean isNone() {
        return quantile == 0 && name == null;
    }
}
