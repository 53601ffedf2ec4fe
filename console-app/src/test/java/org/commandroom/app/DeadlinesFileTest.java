package org.commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.incident.IncidentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadlinesFileTest {

    @Test
    void withoutAFileTheSeedsDeadlinesApply(@TempDir Path dir) {
        assertEquals(Duration.ofMinutes(30), AppContext.deadlines(dir).signWithin());
    }

    @Test
    void theBureausFileInTheDataDirectorySetsTheLimits(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(AppContext.DEADLINES_FILE),
                "# 本局签收与反馈时限\nsign=PT15M\nfeedback.dispute.LABOUR_DISPUTE=PT12H\n", StandardCharsets.UTF_8);
        var policy = AppContext.deadlines(dir);
        assertEquals(Duration.ofMinutes(15), policy.signWithin());
        assertEquals(Duration.ofHours(12), policy.feedbackWithin(OrderKind.DISPUTE_FOLLOW_UP, IncidentType.LABOUR_DISPUTE));
    }

    @Test
    void aBadFileLeavesTheDefaultsInForce(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(AppContext.DEADLINES_FILE), "sign=半小时\n", StandardCharsets.UTF_8);
        assertEquals(Duration.ofMinutes(30), AppContext.deadlines(dir).signWithin());
    }
}
