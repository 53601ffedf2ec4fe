package org.commandroom.core.cap;

import java.time.OffsetDateTime;
import java.util.List;

/** Alerts the CAP tests share. */
final class CapSamples {

    private CapSamples() {
    }

    static final OffsetDateTime SENT = OffsetDateTime.parse("2026-12-07T19:05:00+08:00");

    /** A fraud-wave warning for a community, in Chinese and English, with a polygon and a circle. */
    static CapAlert fraudWave() {
        List<CapArea.Point> ring = List.of(new CapArea.Point(29.21, 103.71), new CapArea.Point(29.21, 103.72),
                new CapArea.Point(29.22, 103.72), new CapArea.Point(29.22, 103.71), new CapArea.Point(29.21, 103.71));
        CapArea area = new CapArea("南关社区 & <周边>", List.of(ring),
                List.of(new CapArea.Circle(new CapArea.Point(29.215123, 103.715456), 0.5)));
        CapArea areaEn = new CapArea("Nanguan community & <around>", List.of(ring), List.of());
        return new CapAlert("qianwei.police.example-CAP-20261207-0001", "command@qianwei.police.example", SENT,
                CapAlert.Status.Actual, CapAlert.MsgType.Alert, CapAlert.Scope.Public, null, null, "演练外", List.of(),
                List.of(new CapInfo("zh-CN", List.of(CapInfo.Category.Security), "电信诈骗高发", CapInfo.Urgency.Expected,
                                CapInfo.Severity.Moderate, CapInfo.Certainty.Observed, "南关社区近期冒充客服诈骗多发",
                                "三天内接报5起。\n请勿向陌生账户转账。", "接到可疑电话请拨打110。",
                                SENT.plusHours(72), List.of(area)),
                        new CapInfo("en", List.of(CapInfo.Category.Security, CapInfo.Category.Other), "Fraud wave",
                                CapInfo.Urgency.Expected, CapInfo.Severity.Moderate, CapInfo.Certainty.Observed,
                                "Fake customer-service calls in Nanguan", "Five reports in three days.",
                                "Call 110 about a suspicious call.", SENT.plusHours(72), List.of(areaEn))));
    }
}
