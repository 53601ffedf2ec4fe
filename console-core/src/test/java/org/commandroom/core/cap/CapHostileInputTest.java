package org.commandroom.core.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14: a CAP document from outside cannot read a file, open a connection or exhaust memory, and every malformed
 * one ends in {@link CapInvalid} with a located problem, never another exception.
 */
class CapHostileInputTest {

    private static final String SECRET = "SECRET-7f3a9";
    private final CapReader reader = new CapReader(CapSchema.none());

    @TempDir
    Path dir;

    private CapInvalid refused(String xml) {
        return refused(xml.getBytes(StandardCharsets.UTF_8));
    }

    private CapInvalid refused(byte[] bytes) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(CapInvalid.class, () -> reader.read(bytes)));
    }

    private static String valid() {
        return CapWriter.writeString(CapSamples.fraudWave());
    }

    @Test
    void anExternalEntityReadsNoFileAndOpensNoConnection() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            server.configureBlocking(false);
            int port = server.socket().getLocalPort();
            String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE alert [\n"
                    + "<!ENTITY file SYSTEM \"" + secret.toUri() + "\">\n"
                    + "<!ENTITY net SYSTEM \"http://127.0.0.1:" + port + "/x\">\n"
                    + "<!ENTITY % remote SYSTEM \"http://127.0.0.1:" + port + "/dtd\"> %remote;\n]>\n"
                    + valid().substring(valid().indexOf("<alert")).replace("<note>演练外</note>", "<note>&file;&net;</note>");
            CapInvalid e = refused(xml);
            assertEquals(CapInvalid.Kind.NOT_XML, e.problems().get(0).kind());
            assertTrue(e.problems().get(0).line() > 0, e.getMessage());
            assertFalse(e.getMessage().contains(SECRET));
            // A connection attempt would be waiting in the backlog by now: the parse is synchronous.
            assertNull(server.accept(), "the parser connected to the server named in the document");
        }
    }

    @Test
    void anXsiSchemaLocationIsNotFetchedWhenASchemaValidates() throws Exception {
        CapSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/cap-test/test-only-alert.xsd")) {
            schema = CapSchema.of(in, "test-only-alert.xsd");
        }
        CapReader withSchema = new CapReader(schema);
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            server.configureBlocking(false);
            int port = server.socket().getLocalPort();
            String xml = valid().replace("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">",
                    "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\" "
                            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                            + "xsi:schemaLocation=\"urn:oasis:names:tc:emergency:cap:1.2 http://127.0.0.1:" + port
                            + "/cap.xsd\">");
            assertEquals(CapSamples.fraudWave(), withSchema.read(xml.getBytes(StandardCharsets.UTF_8)).alert());
            assertNull(server.accept(), "the validator fetched the schema the document named");
        }
    }

    @Test
    void aSchemaProblemIsLocatedByLine() throws Exception {
        CapSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/cap-test/test-only-alert.xsd")) {
            schema = CapSchema.of(in, "test-only-alert.xsd");
        }
        String xml = valid().replaceFirst("<identifier>[^<]*</identifier>", "<identifier>" + "x".repeat(65) + "</identifier>");
        CapInvalid e = assertThrows(CapInvalid.class, () -> new CapReader(schema).read(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(CapInvalid.Kind.SCHEMA, e.problems().get(0).kind());
        assertEquals(3, e.problems().get(0).line(), e.getMessage());
    }

    @Test
    void billionLaughsIsRefusedAtTheDoctypeWithoutExpanding() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE alert [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        dtd.append("]>\n");
        String xml = dtd + valid().substring(valid().indexOf("<alert")).replace("<note>演练外</note>", "<note>&lol10;</note>");
        long before = usedHeap();
        CapInvalid e = refused(xml);
        assertEquals(CapInvalid.Kind.NOT_XML, e.problems().get(0).kind());
        assertTrue(e.problems().get(0).line() > 0);
        // 10^10 "lol"s would be 30 GB; the refusal costs next to nothing.
        assertTrue(usedHeap() - before < 64L * 1024 * 1024, "memory grew while refusing");
    }

    @Test
    void anOversizedDocumentIsRefusedBeforeParsing() {
        byte[] big = new byte[CapReader.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        CapInvalid e = refused(big);
        assertEquals(CapInvalid.Kind.TOO_LARGE, e.problems().get(0).kind());
    }

    @Test
    void tooManyElementsWithinTheByteLimitAreRefused() {
        String xml = valid().replace("<note>演练外</note>", "<note>x</note>" + "<source/>".repeat(CapReader.MAX_ELEMENTS));
        CapInvalid e = refused(xml);
        assertEquals(CapInvalid.Kind.TOO_LARGE, e.problems().get(0).kind());
    }

    static Stream<Arguments> malformed() {
        String v = valid();
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("empty", "", "/"));
        cases.add(Arguments.of("not XML", "hello", "/"));
        cases.add(Arguments.of("truncated", v.substring(0, v.length() / 2), "/"));
        cases.add(Arguments.of("other root", "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.1\"/>", "/alert"));
        cases.add(Arguments.of("no namespace", "<alert/>", "/alert"));
        cases.add(Arguments.of("missing sender", v.replaceFirst("<sender>[^<]*</sender>", ""), "/alert/sender"));
        cases.add(Arguments.of("bad status", v.replace(">Actual<", ">Real<"), "/alert/status"));
        cases.add(Arguments.of("sent with Z", v.replace("<sent>2026-12-07T19:05:00+08:00", "<sent>2026-12-07T11:05:00Z"),
                "/alert/sent"));
        cases.add(Arguments.of("sent on 30 February", v.replace("<sent>2026-12-07", "<sent>2026-02-30"), "/alert/sent"));
        cases.add(Arguments.of("identifier with a space", v.replace("CAP-20261207-0001", "CAP 1"), "/alert/identifier"));
        cases.add(Arguments.of("restricted without restriction", v.replace(">Public<", ">Restricted<"),
                "/alert/restriction"));
        cases.add(Arguments.of("bad reference", v.replace("<note>", "<references>a,b</references><note>"),
                "/alert/references"));
        cases.add(Arguments.of("bad category", v.replaceFirst(">Security<", ">Crime<"), "/alert/info[1]/category[1]"));
        cases.add(Arguments.of("no category", v.replaceFirst("<category>Security</category>", ""),
                "/alert/info[1]/category"));
        cases.add(Arguments.of("latitude 95", v.replaceFirst("29\\.21,103\\.71 ", "95,103.71 "),
                "/alert/info[1]/area[1]/polygon[1]"));
        cases.add(Arguments.of("huge number", v.replaceFirst("29\\.21,103\\.71 ", "1e999,103.71 "),
                "/alert/info[1]/area[1]/polygon[1]"));
        cases.add(Arguments.of("1.2.3", v.replaceFirst("29\\.21,103\\.71 ", "1.2.3,103.71 "),
                "/alert/info[1]/area[1]/polygon[1]"));
        cases.add(Arguments.of("open polygon", v.replaceFirst(" 29\\.21,103\\.71</polygon>", " 29.23,103.71</polygon>"),
                "/alert/info[1]/area[1]/polygon[1]"));
        cases.add(Arguments.of("negative radius", v.replace(" 0.5</circle>", " -1</circle>"),
                "/alert/info[1]/area[1]/circle[1]"));
        cases.add(Arguments.of("circle without radius", v.replace(" 0.5</circle>", "</circle>"),
                "/alert/info[1]/area[1]/circle[1]"));
        cases.add(Arguments.of("empty areaDesc", v.replaceFirst("<areaDesc>[^<]*</areaDesc>", "<areaDesc> </areaDesc>"),
                "/alert/info[1]/area[1]/areaDesc"));
        cases.add(Arguments.of("deep nesting", v.replace("<note>演练外</note>",
                "<note>" + "<x>".repeat(40) + "</x>".repeat(40) + "</note>"), "/"));
        cases.add(Arguments.of("huge text", v.replace("演练外", "长".repeat(20_000)), "/"));
        cases.add(Arguments.of("bad encoding", v.replace("encoding=\"UTF-8\"", "encoding=\"no-such-charset\""), "/"));
        cases.add(Arguments.of("latin-1 bytes said to be UTF-8", null, "/"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void everyMalformedDocumentEndsInALocatedProblem(String name, String xml, String path) {
        byte[] bytes = xml != null ? xml.getBytes(StandardCharsets.UTF_8)
                : valid().replace("演练外", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        CapInvalid e = refused(bytes);
        assertFalse(e.problems().isEmpty());
        assertEquals(path, e.problems().get(0).path(), e.getMessage());
        assertTrue(e.problems().stream().allMatch(p -> p.message() != null && !p.message().isBlank()));
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
