package org.commandroom.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core's own bundles: Chinese and English have the same keys, the Chinese sentence uses no argument the English one
 * lacks, every key is used by core's code and every key core's code names is in the bundles.
 */
class CoreTextsTest {

    private static final Pattern ARG = Pattern.compile("\\{(\\d)}");
    /** A string literal in the bundles' name spaces ({@code "core.org.cell.required"}, not {@code "org.h2.Driver"}). */
    private static final Pattern KEY = Pattern.compile("\"(core(?:\\.[a-z][A-Za-z]*)+)\"");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CoreTextsTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> args(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARG.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Set<String> keysInCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndTheChineseUsesOnlyArgumentsTheEnglishHas() throws IOException {
        Properties zh = load("core.properties");
        Properties en = load("core_en.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertTrue(args(en.getProperty(key)).containsAll(args(zh.getProperty(key))), key);
            assertNotEquals(en.getProperty(key), zh.getProperty(key), key + " is not translated");
        }
    }

    @Test
    void everyKeyIsUsedAndEveryKeyUsedIsThere() throws IOException {
        Set<String> inBundle = new TreeSet<>(load("core_en.properties").stringPropertyNames());
        Set<String> inCode = keysInCode();
        assertEquals(inBundle, inCode, "keys of the bundles against the keys core's code names");
    }

    @Test
    void argumentsGoInAsTheyAreAndATextArgumentIsSaidInTheSameLanguage() {
        Text where = Text.of("core.sheet.where.cell", "派出所", 3, "A", "编码");
        Text t = Text.of("core.org.station.codeTwice", "PCS01", where);
        assertEquals("code PCS01 is already given at Sheet 派出所, row 3, column A (编码)", t.english());
        assertEquals("编码 PCS01 已在 工作表 派出所，第 3 行，A 列（编码） 填写过", t.in(Locale.SIMPLIFIED_CHINESE));
        assertEquals(t.english(), t.in(Locale.UK), "any English locale is English");
        assertEquals("'5' is not a number from 0 to 9", Text.of("core.org.cell.notNumber", "5", 9).english(),
                "a single quote is a quote, not an escape");
        assertEquals("x: {1}", new Text("core.sheet.problem", java.util.List.of("x")).english(),
                "a missing argument stays visible");
    }
}
