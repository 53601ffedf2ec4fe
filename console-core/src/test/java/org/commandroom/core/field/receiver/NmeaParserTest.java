package org.commandroom.core.field.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Sentences from the bundled gpsd logs and their bad forms; and the wrong-date rule. */
class NmeaParserTest {

    @Test
    void readsRmcAndGgaOfEveryTalkerTaken() {
        var rmc = NmeaParser.parse("$GNRMC,074155.799,A,3114.8770,N,12135.2463,E,0.30,4.94,250215,,,A*76");
        assertEquals(NmeaParser.Outcome.FIX, rmc.outcome());
        var s = rmc.sentence();
        assertEquals("GN", s.talker());
        assertEquals(31 + 14.8770 / 60, s.lat(), 1e-12);
        assertEquals(121 + 35.2463 / 60, s.lon(), 1e-12);
        assertEquals(LocalTime.parse("07:41:55.799"), s.timeOfDay());
        assertEquals(LocalDate.of(2015, 2, 25), s.date());
        assertEquals(0.30, s.speedKnots());
        assertEquals(4.94, s.course());

        var gga = NmeaParser.parse("$GPGGA,053232.438,3114.8789,N,12135.2442,E,1,06,1.2,153.8,M,8.3,M,,0000*6A");
        assertEquals(NmeaParser.Outcome.FIX, gga.outcome());
        assertEquals(1.2, gga.sentence().hdop());
        assertNull(gga.sentence().date());
        // A leading blank (as in beidou-bd.log) is tolerated.
        assertEquals(NmeaParser.Outcome.FIX,
                NmeaParser.parse(" $GNRMC,074157.799,A,3114.8902,N,12135.2443,E,0.32,4.94,250215,,,A*7F").outcome());
        // BD and GB talkers with a checksum computed here.
        assertEquals(NmeaParser.Outcome.FIX, NmeaParser.parse(withChecksum("BDRMC,074155.799,A,3114.8770,S,12135.2463,W,0.30,4.94,250215,,,A")).outcome());
        var gb = NmeaParser.parse(withChecksum("GBGGA,074155.799,3114.8770,S,12135.2463,W,1,05,1.3,156.9,M,8.3,M,,0000"));
        assertEquals(-(31 + 14.8770 / 60), gb.sentence().lat(), 1e-12);
        assertEquals(-(121 + 35.2463 / 60), gb.sentence().lon(), 1e-12);
    }

    @Test
    void invalidFixesBadChecksumsAndOtherSentencesAreTold() {
        assertEquals(NmeaParser.Outcome.NO_FIX, NmeaParser.parse("$GNRMC,074150.799,V,,,,,,,250215,,,N*52").outcome());
        assertEquals(NmeaParser.Outcome.NO_FIX, NmeaParser.parse("$GNGGA,074150.799,,,,,0,00,,,M,0.0,M,,0000,*64").outcome());
        assertEquals(NmeaParser.Outcome.NO_FIX, NmeaParser.parse(withChecksum("GPGGA,074155.799,3114.8770,N,12135.2463,E,0,05,1.3,156.9,M,8.3,M,,0000")).outcome(),
                "quality 0 with a position is still no fix");
        assertEquals(NmeaParser.Outcome.BAD_CHECKSUM, NmeaParser.parse("$GNRMC,074155.799,A,3114.8770,N,12135.2463,E,0.30,4.94,250215,,,A*77").outcome());
        assertEquals(NmeaParser.Outcome.BAD_CHECKSUM, NmeaParser.parse("$GNRMC,074155.799,A,3114.8770,N,12135.2463,E,0.30,4.94,250215,,,A").outcome());
        assertEquals(NmeaParser.Outcome.BAD_CHECKSUM, NmeaParser.parse("$GNRMC,074155.799,A,3114.8771,N,12135.2463,E,0.30,4.94,250215,,,A*76").outcome(),
                "one digit changed in transit");
        assertEquals(NmeaParser.Outcome.IGNORED, NmeaParser.parse("$GPGSA,A,1,,,,,,,,,,,,,,,,*32").outcome());
        assertEquals(NmeaParser.Outcome.IGNORED, NmeaParser.parse("$PSRFEPE,074150.799,V,,,,,*23").outcome());
        assertEquals(NmeaParser.Outcome.IGNORED, NmeaParser.parse(withChecksum("GLRMC,074155.799,A,3114.8770,N,12135.2463,E,0.30,4.94,250215,,,A")).outcome());
        assertEquals(NmeaParser.Outcome.IGNORED, NmeaParser.parse("# a comment").outcome());
        assertEquals(NmeaParser.Outcome.MALFORMED, NmeaParser.parse(withChecksum("GPRMC,074155.799,A,31x4.8770,N,12135.2463,E,0.30,4.94,250215,,,A")).outcome());
        assertEquals(NmeaParser.Outcome.MALFORMED, NmeaParser.parse(withChecksum("GPRMC,074155.799,A,3114.8770,Q,12135.2463,E,0.30,4.94,250215,,,A")).outcome());
        var unreadable = NmeaParser.parse("$GPRMC,000231.099,A,4829.0005,N,00022.0015,E,0.15,212.28,2208-1,,,A*73");
        assertEquals(NmeaParser.Outcome.FIX, unreadable.outcome());
        assertTrue(unreadable.sentence().dateUnreadable());
        assertEquals(LocalDate.of(1999, 8, 22), NmeaParser.parse("$GPRMC,000231.42,A,4829.0005,N,00022.0016,E,0.16,212.28,220899,,,A*59").sentence().date());
    }

    @Test
    void wrongDatesKeepTheTimeOfDayOnTheConsolesDate() {
        Instant now = Instant.parse("2019-04-07T00:05:00Z");
        // Right date: kept as it is.
        var ok = ReceiverTime.resolve(LocalTime.parse("00:04:58"), LocalDate.of(2019, 4, 7), now).orElseThrow();
        assertEquals(Instant.parse("2019-04-07T00:04:58Z"), ok.at());
        assertEquals(false, ok.redated());
        // GPS week rollover: 1024 weeks (19.6 years) back.
        var rollover = ReceiverTime.resolve(LocalTime.parse("00:02:31.420"), LocalDate.of(1999, 8, 22), now).orElseThrow();
        assertEquals(Instant.parse("2019-04-07T00:02:31.420Z"), rollover.at());
        assertTrue(rollover.redated());
        // Far in the future (gpsd 3.22 dates the 2015 logs 2034).
        var future = ReceiverTime.resolve(Instant.parse("2034-10-11T07:41:56.799Z"), Instant.parse("2026-12-06T07:45:00Z")).orElseThrow();
        assertEquals(Instant.parse("2026-12-06T07:41:56.799Z"), future.at());
        assertTrue(future.redated());
        // No date, across midnight: yesterday's 23:59:58 is nearer than today's.
        assertEquals(Instant.parse("2026-12-05T23:59:58Z"),
                ReceiverTime.resolve(LocalTime.parse("23:59:58"), null, Instant.parse("2026-12-06T00:00:03Z")).orElseThrow().at());
        // A time of day ahead of the clock by more than two minutes is rejected, with or without a date.
        assertTrue(ReceiverTime.resolve(LocalTime.parse("08:00:00"), null, Instant.parse("2026-12-06T07:45:00Z")).isEmpty());
        assertTrue(ReceiverTime.resolve(LocalTime.parse("08:00:00"), LocalDate.of(2026, 12, 6), Instant.parse("2026-12-06T07:45:00Z")).isEmpty());
        assertTrue(ReceiverTime.resolve(LocalTime.parse("07:46:00"), null, Instant.parse("2026-12-06T07:45:00Z")).isPresent());
    }

    static String withChecksum(String body) {
        int sum = 0;
        for (char c : body.toCharArray()) {
            sum ^= c;
        }
        return "$" + body + String.format("*%02X", sum);
    }
}
