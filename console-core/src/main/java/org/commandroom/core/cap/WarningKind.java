package org.commandroom.core.cap;

import java.time.Duration;

/**
 * The community warnings the command room issues (docs/CAP.md): each with its CAP category, event names in Chinese
 * and English, urgency, severity, certainty and how long it stays in force unless said otherwise.
 */
public enum WarningKind {
    /** 电信网络诈骗预警: a wave of fraud in a community. */
    FRAUD_WAVE(CapInfo.Category.Security, "电信网络诈骗预警", "Fraud warning", CapInfo.Urgency.Expected,
            CapInfo.Severity.Moderate, CapInfo.Certainty.Observed, Duration.ofHours(72)),
    /** 儿童走失协查: a missing child. */
    MISSING_CHILD(CapInfo.Category.Rescue, "儿童走失协查", "Missing child", CapInfo.Urgency.Immediate,
            CapInfo.Severity.Severe, CapInfo.Certainty.Observed, Duration.ofHours(24)),
    /** 人员聚集预警: a crowd warning for a key patrol zone. */
    CROWD(CapInfo.Category.Safety, "人员聚集预警", "Crowd warning", CapInfo.Urgency.Immediate,
            CapInfo.Severity.Moderate, CapInfo.Certainty.Likely, Duration.ofHours(6));

    private final CapInfo.Category category;
    private final String eventZh;
    private final String eventEn;
    private final CapInfo.Urgency urgency;
    private final CapInfo.Severity severity;
    private final CapInfo.Certainty certainty;
    private final Duration defaultValidity;

    WarningKind(CapInfo.Category category, String eventZh, String eventEn, CapInfo.Urgency urgency,
                CapInfo.Severity severity, CapInfo.Certainty certainty, Duration defaultValidity) {
        this.category = category;
        this.eventZh = eventZh;
        this.eventEn = eventEn;
        this.urgency = urgency;
        this.severity = severity;
        this.certainty = certainty;
        this.defaultValidity = defaultValidity;
    }

    public CapInfo.Category category() {
        return category;
    }

    public String eventZh() {
        return eventZh;
    }

    public String eventEn() {
        return eventEn;
    }

    public CapInfo.Urgency urgency() {
        return urgency;
    }

    public CapInfo.Severity severity() {
        return severity;
    }

    public CapInfo.Certainty certainty() {
        return certainty;
    }

    public Duration defaultValidity() {
        return defaultValidity;
    }
}
