package org.commandroom.core.index;

/** A station, a street post or a bureau, as scores are stored (scope_kind, scope_id). */
public record Scope(ScopeKind kind, long id) {

    public static Scope of(StationFacts s) {
        return new Scope(s.scopeKind(), s.id());
    }

    public static Scope bureau(long id) {
        return new Scope(ScopeKind.BUREAU, id);
    }
}
