package org.commandroom.app.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void waitingTimeReadsMinutesAndSecondsThenHours() {
        assertEquals("00:00", Durations.stopwatch(Duration.ZERO));
        assertEquals("04:07", Durations.stopwatch(Duration.ofSeconds(247)));
        assertEquals("59:59", Durations.stopwatch(Duration.ofSeconds(3599)));
        assertEquals("1:00:00", Durations.stopwatch(Duration.ofHours(1)));
        assertEquals("26:03:05", Durations.stopwatch(Duration.ofSeconds(26 * 3600 + 185)));
    }

    @Test
    void aDeadlineTwoDaysOrMoreAwayReadsInDaysAndHours() {
        I18n zh = I18n.load(Locale.ROOT);
        I18n en = I18n.load(Locale.ENGLISH);
        assertEquals("-47:59:59", Durations.countdown(Duration.ofSeconds(-(48 * 3600 - 1)), zh));
        assertEquals("-2天0小时", Durations.countdown(Duration.ofHours(-48), zh));
        assertEquals("-184天23小时", Durations.countdown(Duration.ofSeconds(-(4439 * 3600 + 57 * 60 + 10)), zh));
        assertEquals("3 d 4 h", Durations.countdown(Duration.ofHours(76).plusMinutes(5), en));
        assertEquals("12:34", Durations.countdown(Duration.ofSeconds(754), zh));
        assertEquals("2天1小时", Durations.span(Duration.ofHours(49), zh));
    }

    @Test
    void positionAgeReadsLikeAPersonWouldSayIt() {
        I18n zh = I18n.load(Locale.ROOT);
        assertEquals("12秒前", Durations.age(Duration.ofSeconds(12), zh));
        assertEquals("3分钟前", Durations.age(Duration.ofSeconds(200), zh));
        assertEquals("2小时前", Durations.age(Duration.ofMinutes(130), zh));
        assertEquals("无定位", Durations.age(null, zh));
        assertEquals("12 s ago", Durations.age(Duration.ofSeconds(12), I18n.load(Locale.ENGLISH)));
    }
}
