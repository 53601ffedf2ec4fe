package org.commandroom.core.workhours;

/** The kinds of police work the work-hours count (警务工时, seed 003), each with its rule (docs/PREVENTION.md). */
public enum WorkKind {
    /** 途中: from an order's issue to arriving on scene (a dispatch, an intercept; an officer's own order reported by terminal). */
    TRAVEL,
    /** 现场处置: from arriving on scene to clearing (a dispatch or an intercept). */
    ON_SCENE,
    /** 房屋核查: a house inspection or a model alert's check. */
    INSPECTION,
    /** 走访回访: a door visit or a dispute follow-up. */
    VISIT,
    /** 标准任务: a standard task. */
    TASK
}
