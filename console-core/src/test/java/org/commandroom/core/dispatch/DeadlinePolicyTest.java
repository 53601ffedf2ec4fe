package org.commandroom.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.commandroom.core.incident.IncidentType;
import org.junit.jupiter.api.Test;

/** The default windows and a bureau's table over them ({@link DeadlineTable}). */
class DeadlinePolicyTest {

    private static DeadlineTable.Result table(String text) {
        return DeadlineTable.parse(text, DeadlinePolicy.defaults());
    }

    @Test
    void theDefaultsAreThoseOfTheSeedWithAShortSignWindowForAnUrgentDispatch() {
        DeadlinePolicy d = DeadlinePolicy.defaults();
        assertEquals(Duration.ofMinutes(30), d.signWithin());
        assertEquals(Duration.ofMinutes(5), d.signWithin(OrderKind.DISPATCH, 1));
        assertEquals(Duration.ofMinutes(30), d.signWithin(OrderKind.DISPATCH, 2));
        assertEquals(Duration.ofMinutes(30), d.signWithin(OrderKind.DISPATCH, null));
        assertEquals(Duration.ofMinutes(30), d.signWithin(OrderKind.DISPUTE_FOLLOW_UP, 1));
        assertEquals(Duration.ofHours(3), d.feedbackWithin(OrderKind.DISPUTE_FOLLOW_UP, IncidentType.FAMILY_DISPUTE));
        assertEquals(Duration.ofHours(6), d.feedbackWithin(OrderKind.DISPUTE_FOLLOW_UP, IncidentType.NEIGHBOUR_DISPUTE));
        assertEquals(Duration.ofHours(9), d.feedbackWithin(OrderKind.DISPUTE_FOLLOW_UP, IncidentType.LABOUR_DISPUTE));
        assertEquals(Duration.ofHours(24), d.feedbackWithin(OrderKind.DISPUTE_FOLLOW_UP, IncidentType.CONSUMER_DISPUTE));
        assertEquals(Duration.ofHours(3), d.feedbackWithin(OrderKind.DISPATCH, IncidentType.FIGHT, 1));
    }

    @Test
    void aBureausTableReplacesOnlyTheLimitsItNamesTheMostSpecificRuleWinning() {
        var r = table("""
                sign=PT20M
                sign.kind.VISIT=PT1H
                sign.kind.DISPATCH.priority.2=PT10M
                feedback.kind.VISIT=PT48H
                feedback.kind.DISPATCH.priority.1=PT1H
                feedback.dispute.NEIGHBOUR_DISPUTE=PT4H
                """);
        assertEquals(List.of(), r.problems());
        DeadlinePolicy d = r.policy();
        assertEquals(Duration.ofMinutes(20), d.signWithin());
        assertEquals(Duration.ofMinutes(20), d.signWithin(OrderKind.INTERCEPT, null));
        assertEquals(Duration.ofHours(1), d.signWithin(OrderKind.VISIT, 1), "the kind's rule");
        assertEquals(Duration.ofMinutes(10), d.signWithin(OrderKind.DISPATCH, 2));
        assertEquals(Duration.ofMinutes(5), d.signWithin(OrderKind.DISPATCH, 1), "not named: the default kept");
        assertEquals(Duration.ofMinutes(20), d.signWithin(OrderKind.DISPATCH, 3), "no rule of its own: the general one");
        assertEquals(Duration.ofHours(48), d.feedbackWithin(OrderKind.VISIT, null));
        assertEquals(Duration.ofHours(1), d.feedbackWithin(OrderKind.DISPATCH, IncidentType.FIGHT, 1));
        assertEquals(Duration.ofHours(3), d.feedbackWithin(OrderKind.DISPATCH, IncidentType.FIGHT, 2));
        assertEquals(Duration.ofHours(4), d.feedbackWithin(OrderKind.DISPUTE_FOLLOW_UP, IncidentType.NEIGHBOUR_DISPUTE));
        assertEquals(Duration.ofHours(3), d.feedbackWithin(OrderKind.DISPUTE_FOLLOW_UP, IncidentType.FAMILY_DISPUTE),
                "not named: kept");
    }

    @Test
    void eachBadEntryIsReportedWithItsLineKeyAndWhyAndTheOthersApply() {
        var r = table("""
                # 本局时限
                sign=PT20M
                feedback.kind.VISIT=三小时
                sign.kind.DISPATCH.priority.1=PT0M

                sign.kind.PATROL=PT1H
                sign.kind.DISPATCH.priority.4=PT2M
                feedback.dispute.FIGHT=PT1H
                signing=PT1H
                feedback.kind.DISPATCH=PT2H
                """);
        assertEquals(List.of(3, 4, 6, 7, 8, 9), r.problems().stream().map(DeadlineTable.Problem::line).toList());
        DeadlineTable.Problem notDuration = r.problems().get(0);
        assertEquals("feedback.kind.VISIT", notDuration.key());
        assertEquals("三小时", notDuration.value());
        assertTrue(notDuration.reason().startsWith("'三小时' is not a duration"), notDuration.reason());
        assertTrue(r.problems().get(1).reason().contains("longer than zero"), r.problems().get(1).reason());
        assertTrue(r.problems().get(2).reason().contains("'PATROL' is not a kind of order"), r.problems().get(2).reason());
        assertTrue(r.problems().get(3).reason().contains("'4' is not a priority"), r.problems().get(3).reason());
        assertTrue(r.problems().get(4).reason().contains("'FIGHT' is not a kind of dispute"), r.problems().get(4).reason());
        assertTrue(r.problems().get(5).reason().startsWith("unknown key"), r.problems().get(5).reason());
        String line = notDuration.describe(java.nio.file.Path.of("/data/deadlines.properties"));
        assertTrue(line.startsWith("/data/deadlines.properties line 3: feedback.kind.VISIT=三小时: '三小时' is not a duration"),
                line);

        DeadlinePolicy d = r.policy();
        assertEquals(Duration.ofMinutes(20), d.signWithin(), "good entries apply");
        assertEquals(Duration.ofHours(2), d.feedbackWithin(OrderKind.DISPATCH, null), "also after a bad one");
        assertEquals(Duration.ofHours(24), d.feedbackWithin(OrderKind.VISIT, null), "a bad entry keeps the default");
        assertEquals(Duration.ofMinutes(5), d.signWithin(OrderKind.DISPATCH, 1), "a bad entry keeps the default");
    }

    @Test
    void escapesAndContinuationLinesAreReadAsPropertiesReadsThemAndTheLastOfTwoEntriesCounts() {
        var r = table("sign=PT\\\n  40M\nsign.kind.VISIT=PT1H\nsign.kind.VISIT=PT2H\nsign.kind.\\u0044ISPATCH=PT25M\n"
                + "feedback.kind.VISIT=\\uZZZZ\n");
        assertEquals(Duration.ofMinutes(40), r.policy().signWithin());
        assertEquals(Duration.ofHours(2), r.policy().signWithin(OrderKind.VISIT, null));
        assertEquals(Duration.ofMinutes(25), r.policy().signWithin(OrderKind.DISPATCH, 2));
        assertEquals(1, r.problems().size());
        assertEquals(6, r.problems().get(0).line());
        assertTrue(r.problems().get(0).reason().contains("malformed"), r.problems().get(0).reason());
    }
}
