package org.commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.incident.IncidentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The bureau's deadlines.properties in the data directory, as the console reads it at connect. */
class DeadlinesFileTest {

    @Test
    void withoutAFileTheSeedsDeadlinesApply(@TempDir Path dir) {
        DeadlinePolicy policy = AppContext.deadlines(dir);
        assertEquals(Duration.ofMinutes(30), policy.signWithin());
        assertEquals(Duration.ofMinutes(5), policy.signWithin(OrderKind.DISPATCH, 1));
    }

    @Test
    void theBureausFileInTheDataDirectorySetsTheLimits(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(AppContext.DEADLINES_FILE), "# 本局签收与反馈时限\nsign=PT15M\n"
                + "sign.kind.DISPATCH.priority.1=PT3M\nfeedback.dispute.LABOUR_DISPUTE=PT12H\n", StandardCharsets.UTF_8);
        var policy = AppContext.deadlines(dir);
        assertEquals(Duration.ofMinutes(15), policy.signWithin());
        assertEquals(Duration.ofMinutes(3), policy.signWithin(OrderKind.DISPATCH, 1));
        assertEquals(Duration.ofHours(12), policy.feedbackWithin(OrderKind.DISPUTE_FOLLOW_UP, IncidentType.LABOUR_DISPUTE));
    }

    @Test
    void aBadEntryIsLoggedWithFileLineAndKeyAndKeepsItsDefaultWhileTheOthersApply(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(AppContext.DEADLINES_FILE);
        Files.writeString(file, "sign=PT20M\nsign.kind.DISPATCH.priority.1=半小时\n", StandardCharsets.UTF_8);
        List<ILoggingEvent> logged = logged(() -> {
            DeadlinePolicy policy = AppContext.deadlines(dir);
            assertEquals(Duration.ofMinutes(20), policy.signWithin());
            assertEquals(Duration.ofMinutes(5), policy.signWithin(OrderKind.DISPATCH, 1), "the default kept");
        });
        List<String> errors = logged.stream().filter(e -> e.getLevel() == Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains(file + " line 2: sign.kind.DISPATCH.priority.1=半小时: '半小时' is not a duration"),
                errors.get(0));
    }

    @Test
    void aFileThatIsNotUtf8LeavesTheDefaultsInForce(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve(AppContext.DEADLINES_FILE), new byte[] {'s', 'i', 'g', 'n', '=', (byte) 0xB0, (byte) 0xEB});
        List<ILoggingEvent> logged = logged(() -> assertEquals(Duration.ofMinutes(30), AppContext.deadlines(dir).signWithin()));
        assertTrue(logged.stream().anyMatch(e -> e.getLevel() == Level.ERROR
                && e.getFormattedMessage().contains("could not be read as UTF-8")), logged.toString());
    }

    private static List<ILoggingEvent> logged(Runnable r) {
        Logger log = (Logger) LoggerFactory.getLogger(AppContext.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        try {
            r.run();
        } finally {
            log.detachAppender(appender);
        }
        return appender.list;
    }
}
