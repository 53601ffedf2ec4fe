package org.commandroom.app.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the two bundles and the code in step: same keys in both languages, every key literal in the
 * code defined, every enum shown to users labelled, and no key left behind when code stops using it.
 */
class I18nConsistencyTest {

    private static final Path RESOURCES = Path.of("src/main/resources/i18n");
    /** The client's code, and core's, which names a few reasons for the client to translate (a draft refused for good). */
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../console-core/src/main/java"));
    private static final Pattern LITERAL = Pattern.compile("\"([a-zA-Z][a-zA-Z0-9_]*(?:\\.[a-zA-Z0-9_]+)+)\"");

    private static Properties zh;
    private static Properties en;
    private static Set<String> literals;

    @BeforeAll
    static void load() throws IOException {
        zh = read(RESOURCES.resolve("messages.properties"));
        en = read(RESOURCES.resolve("messages_en.properties"));
        literals = new HashSet<>();
        for (Path sources : SOURCES) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = LITERAL.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        literals.add(m.group(1));
                    }
                }
            }
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Set<String> keys(Properties p) {
        return p.stringPropertyNames();
    }

    private static Set<String> enumKeys() {
        Set<String> keys = new TreeSet<>();
        I18n.ENUM_PREFIXES.forEach((type, prefix) -> {
            for (Enum<?> c : type.getEnumConstants()) {
                keys.add(prefix + "." + c.name());
            }
        });
        return keys;
    }

    /**
     * No bundle of either module gives a key twice: the later line silently wins (a merge that kept both sides of a
     * conflict left the old text of the upgrade step after the new one, and the screen showed the old).
     */
    @Test
    void noBundleGivesAKeyTwice() throws IOException {
        Pattern key = Pattern.compile("^\\s*([^#!\\s=:][^=:\\s]*)\\s*[=:]");
        for (Path bundle : List.of(RESOURCES.resolve("messages.properties"), RESOURCES.resolve("messages_en.properties"),
                Path.of("../console-core/src/main/resources/i18n/core.properties"),
                Path.of("../console-core/src/main/resources/i18n/core_en.properties"))) {
            Set<String> seen = new HashSet<>();
            Set<String> twice = new java.util.TreeSet<>();
            for (String line : Files.readAllLines(bundle, StandardCharsets.UTF_8)) {
                Matcher m = key.matcher(line);
                if (m.find() && !seen.add(m.group(1))) {
                    twice.add(m.group(1));
                }
            }
            assertTrue(twice.isEmpty(), bundle + " gives these keys twice: " + twice);
        }
    }

    @Test
    void chineseAndEnglishBundlesDefineTheSameKeys() {
        Set<String> onlyZh = new TreeSet<>(keys(zh));
        onlyZh.removeAll(keys(en));
        Set<String> onlyEn = new TreeSet<>(keys(en));
        onlyEn.removeAll(keys(zh));
        assertTrue(onlyZh.isEmpty() && onlyEn.isEmpty(), "only in Chinese: " + onlyZh + ", only in English: " + onlyEn);
    }

    @Test
    void everyKeyWrittenInTheCodeIsDefined() {
        Set<String> namespaces = keys(zh).stream().map(k -> k.substring(0, k.indexOf('.'))).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (String lit : literals) {
            boolean looksLikeKey = namespaces.contains(lit.substring(0, lit.indexOf('.')));
            if (looksLikeKey && !zh.containsKey(lit) && !I18n.ENUM_PREFIXES.containsValue(lit)) {
                missing.add(lit);
            }
        }
        assertTrue(missing.isEmpty(), "used in code but not defined: " + missing);
    }

    @Test
    void everyConstantOfEveryEnumShownToUsersHasALabel() {
        Set<String> missing = new TreeSet<>(enumKeys());
        missing.removeAll(keys(zh));
        assertTrue(missing.isEmpty(), "enum labels missing: " + missing);
    }

    @Test
    void noKeyIsLeftUnused() {
        Set<String> unused = new TreeSet<>(keys(zh));
        unused.removeAll(literals);
        unused.removeAll(enumKeys());
        assertTrue(unused.isEmpty(), "defined but not used: " + unused);
    }

    @Test
    void noMessageHasASingleQuoteThatMessageFormatWouldEat() {
        Set<String> quoted = new TreeSet<>();
        for (Properties p : new Properties[] {zh, en}) {
            p.forEach((k, v) -> {
                if (v.toString().contains("'")) {
                    quoted.add(k.toString());
                }
            });
        }
        assertTrue(quoted.isEmpty(), quoted.toString());
    }

    @Test
    void theChineseBundleIsReadAsUtf8AndIsNotReplacedByTheJvmDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertEquals("警情队列", I18n.load(Locale.ROOT).tr("queue.title"));
            assertEquals("警情队列", I18n.load(Locale.SIMPLIFIED_CHINESE).tr("queue.title"));
            assertEquals("Incident queue", I18n.load(Locale.ENGLISH).tr("queue.title"));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
