package org.commandroom.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Properties;
import org.commandroom.core.incident.IncidentType;
import org.junit.jupiter.api.Test;

class DeadlinePolicyTest {

    private static Properties table(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void theDefaultsAreThoseOfTheSeed() {
        DeadlinePolicy d = DeadlinePolicy.defaults();
        assertEquals(Duration.ofMinutes(30), d.signWithin());
        assertEquals(Duration.ofHours(3), d.feedbackWithin(OrderKind.DISPUTE_FOLLOW_UP, IncidentType.FAMILY_DISPUTE));
        assertEquals(Duration.ofHours(6), d.feedbackWithin(OrderKind.DISPUTE_FOLLOW_UP, IncidentType.NEIGHBOUR_DISPUTE));
        assertEquals(Duration.ofHours(9), d.feedbackWithin(OrderKind.DISPUTE_FOLLOW_UP, IncidentType.LABOUR_DISPUTE));
        assertEquals(Duration.ofHours(24), d.feedbackWithin(OrderKind.DISPUTE_FOLLOW_UP, IncidentType.CONSUMER_DISPUTE));
    }

    @Test
    void aBureausTableReplacesOnlyTheLimitsItNames() {
        DeadlinePolicy d = DeadlinePolicy.defaults().overriddenBy(table(
                "sign", "PT20M",
                "feedback.kind.VISIT", "PT48H",
                "feedback.dispute.NEIGHBOUR_DISPUTE", "PT4H"));
        assertEquals(Duration.ofMinutes(20), d.signWithin());
        assertEquals(Duration.ofHours(48), d.feedbackWithin(OrderKind.VISIT, null));
        assertEquals(Duration.ofHours(4), d.feedbackWithin(OrderKind.DISPUTE_FOLLOW_UP, IncidentType.NEIGHBOUR_DISPUTE));
        assertEquals(Duration.ofHours(3), d.feedbackWithin(OrderKind.DISPUTE_FOLLOW_UP, IncidentType.FAMILY_DISPUTE),
                "not named: kept");
        assertEquals(Duration.ofHours(3), d.feedbackWithin(OrderKind.DISPATCH, null), "not named: kept");
    }

    @Test
    void aBadEntryIsRefusedWithItsKeyAndWhy() {
        var notDuration = assertThrows(IllegalArgumentException.class,
                () -> DeadlinePolicy.defaults().overriddenBy(table("feedback.kind.VISIT", "三小时")));
        assertTrue(notDuration.getMessage().startsWith("feedback.kind.VISIT: '三小时' is not a duration"),
                notDuration.getMessage());
        var zero = assertThrows(IllegalArgumentException.class,
                () -> DeadlinePolicy.defaults().overriddenBy(table("sign", "PT0M")));
        assertTrue(zero.getMessage().contains("sign") && zero.getMessage().contains("longer than zero"), zero.getMessage());
        var kind = assertThrows(IllegalArgumentException.class,
                () -> DeadlinePolicy.defaults().overriddenBy(table("feedback.kind.PATROL", "PT1H")));
        assertTrue(kind.getMessage().contains("'PATROL' is not one of"), kind.getMessage());
        var key = assertThrows(IllegalArgumentException.class,
                () -> DeadlinePolicy.defaults().overriddenBy(table("signing", "PT1H")));
        assertTrue(key.getMessage().startsWith("signing: unknown key"), key.getMessage());
    }
}
