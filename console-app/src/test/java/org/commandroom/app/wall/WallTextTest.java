package org.commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.index.Period;
import org.junit.jupiter.api.Test;

/** Figures and names as the wall writes them, in both languages. */
class WallTextTest {

    @Test
    void monthsAgesAndChangesReadInTheWallsLanguage() {
        I18n zh = I18n.load(Locale.ROOT);
        I18n en = I18n.load(Locale.ENGLISH);
        assertEquals("2026年12月", WallText.month(zh, Period.month(2026, 12)));
        assertEquals("Dec 2026", WallText.month(en, Period.month(2026, 12)));
        java.time.Instant midMonth = java.time.Instant.parse("2026-12-07T14:00:00Z");
        assertEquals("2026年12月（暂定）", WallText.month(zh, Period.month(2026, 12), midMonth));
        assertEquals("Dec 2026 (provisional)", WallText.month(en, Period.month(2026, 12), midMonth));
        assertEquals("2026年11月", WallText.month(zh, Period.month(2026, 11), midMonth), "a month over is not marked");
        assertEquals("45 秒", WallText.age(zh, Duration.ofSeconds(45)));
        assertEquals("6 分钟", WallText.age(zh, Duration.ofMinutes(6).plusSeconds(20)));
        assertEquals("2 h 5 min", WallText.age(en, Duration.ofMinutes(125)));
        assertEquals("1:02:03", WallText.clock(Duration.ofSeconds(3723)));
        assertEquals("4:05", WallText.clock(Duration.ofSeconds(245)));
        assertEquals("−23.7%", WallText.percent(-23.7));
        assertEquals("+6.7%", WallText.percent(6.7));
        assertEquals("—", WallText.percent(null));
        assertEquals("▲ 1.9", WallText.points(1.94));
        assertEquals("▼ 0.3", WallText.points(-0.3));
    }

    @Test
    void capabilitiesGoOnAGaugeByTheirShortNames() {
        assertEquals("防警情", WallText.capability("防警情能力", false));
        assertEquals("共建共治共享", WallText.capability("共建共治共享能力", false));
        assertEquals("Enforcement problems", WallText.capability("Preventing enforcement problems", true));
        assertEquals("Co-governance", WallText.capability("Co-governance", true));
    }

    @Test
    void yearOnYearNeedsABaseOfTenLastYear() {
        assertEquals(null, YearOnYearPanel.change(new org.commandroom.core.wall.WallStatistics.YoyLine(2692, 1)));
        assertEquals(-25.0, YearOnYearPanel.change(new org.commandroom.core.wall.WallStatistics.YoyLine(30, 40)), 1e-9);
    }
}
