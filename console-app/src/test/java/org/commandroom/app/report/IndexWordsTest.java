package org.commandroom.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.index.IndexDefinition;
import org.commandroom.core.index.IndexDefinitions;
import org.commandroom.core.index.IndicatorDef;
import org.commandroom.core.index.PeerGroup;
import org.commandroom.core.index.Period;
import org.commandroom.core.index.ReminderService;
import org.junit.jupiter.api.Test;

/**
 * The index in the user's words: every formula, period, peer group, unit and reminder notice from the bundles or
 * the definition's own names, in Chinese and in English; no enum constant, no internal code, no Chinese in English.
 */
class IndexWordsTest {

    private static final Pattern ENUM_CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\b[A-Z]{4,}\\b");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private final IndexDefinition def = IndexDefinitions.withDefault().current();
    private final IndexWords zh = new IndexWords(I18n.load(Locale.ROOT)::tr, Locale.ROOT);
    private final IndexWords en = new IndexWords(I18n.load(Locale.ENGLISH)::tr, Locale.ENGLISH);

    @Test
    void everyIndicatorsFormulaNameAndUnitIsInTheUsersLanguageWithoutAnEnumConstant() {
        for (IndicatorDef d : def.indicators()) {
            String z = zh.formula(d);
            String e = en.formula(d);
            assertTrue(z.startsWith("原始值 = "), d.id() + ": " + z);
            assertTrue(e.startsWith("raw = "), d.id() + ": " + e);
            for (String text : new String[] {z, e, en.indicator(d), en.unit(d)}) {
                assertFalse(ENUM_CONSTANT.matcher(text).find(), d.id() + " shows an internal code: " + text);
            }
            for (String text : new String[] {e, en.indicator(d), en.unit(d)}) {
                assertFalse(HAN.matcher(text).find(), d.id() + " has Chinese in English: " + text);
            }
        }
    }

    @Test
    void theRepeatCallersFormulaReadsAsItDidInBothLanguages() {
        IndicatorDef i04 = def.indicator("I04").orElseThrow();
        assertEquals("原始值 = 100 × 【刑事类、治安类、交通类、纠纷类、求助类】警情中，同一报警人号码30天内曾有"
                + "【刑事类、治安类、交通类、纠纷类、求助类】警情的起数 / 这些类型的警情数", zh.formula(i04));
        assertEquals("raw = 100 × incidents of [Criminal (all), Public order (all), Traffic (all), Dispute (all), Help (all)] "
                + "preceded within 30 days by one of [Criminal (all), Public order (all), Traffic (all), Dispute (all), Help (all)] "
                + "with the same caller number / incidents of those types", en.formula(i04));
        IndicatorDef i14 = def.indicator("I14").orElseThrow();
        assertEquals("raw = Dispute follow-up orders issued / (police grids × months)", en.formula(i14),
                "the order kind by its label, never DISPUTE_FOLLOW_UP");
        assertEquals("per 10,000 residents per month", en.unit(def.indicator("I01").orElseThrow()));
        assertEquals("起/万人·月", zh.unit(def.indicator("I01").orElseThrow()));
    }

    @Test
    void periodsAndPeerGroupsAreNamedInTheUsersLanguage() {
        assertEquals("2026年10月", zh.period(Period.month(2026, 10)));
        assertEquals("2026-10", en.period(Period.month(2026, 10)));
        assertEquals("2026年第4季度", zh.period(Period.quarter(2026, 4)));
        assertEquals("2026 Q4", en.period(Period.quarter(2026, 4)));
        assertEquals("2026年", zh.period(Period.year(2026)));
        assertEquals("2026", en.period(Period.year(2026)));
        assertEquals("第2组", zh.peerGroup(PeerGroup.quantile(2)));
        assertEquals("Group 2", en.peerGroup(PeerGroup.quantile(2)));
        assertEquals("Not grouped", en.peerGroup(PeerGroup.NONE));
        assertEquals("未分组", zh.peerGroup(PeerGroup.named(null)));
        assertEquals("城区", en.peerGroup(PeerGroup.named("城区")), "a bureau's own group name is its data");
    }

    @Test
    void aReminderNoticeIsWordedFromItsFiguresAndAnOldOneFromItsStoredText() {
        Instant t = Instant.parse("2026-11-02T01:00:00Z");
        ReminderService.Listed swing = new ReminderService.Listed(1, Period.month(2026, 10), "SWING", "I14",
                "2026年10月 矛盾纠纷排查 环比下降30.0分(80.0→50.0)", 7, "ZL20261102-00001", "ISSUED", t, t, 80.0, 50.0, 60.0);
        assertEquals("2026-10 Disputes screened per community fell 30.0 points on the previous period (80.0 → 50.0)",
                en.reminder(def, swing).replace(def.indicator("I14").orElseThrow().nameEn(), "Disputes screened per community"));
        assertTrue(zh.reminder(def, swing).startsWith("2026年10月 " + def.indicator("I14").orElseThrow().nameZh() + " 环比下降 30.0 分"));
        ReminderService.Listed under = new ReminderService.Listed(2, Period.month(2026, 10), "UNDER_PASS", "INDEX",
                "2026年10月 主防指数55.0,低于及格线60.0", 8, "ZL20261102-00002", "ISSUED", t, t, null, 55.0, 60.0);
        assertEquals("2026-10 Prevention index scored 55.0, under the pass line 60.0", en.reminder(def, under));
        ReminderService.Listed old = new ReminderService.Listed(3, Period.month(2026, 9), "UNDER_PASS", "RISKS",
                "2026年9月 防风险能力 得分41.0,低于及格线60.0", 9, "ZL20261002-00003", "ISSUED", t, t, null, null, null);
        assertEquals(old.detail(), zh.reminder(def, old));
        assertEquals("2026-09 Preventing risks under the pass line", en.reminder(def, old));
    }
}
