package org.commandroom.core.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A good .xlsx with one part made hostile, built cheaply: the part's deflate stream is one compressed chunk written
 * many times over (each chunk a full flush, so the copies are independent blocks), so a file of a few MB can unpack to
 * gigabytes without the test ever holding or compressing them. The zip's sizes and CRC are true, so a reader that
 * unpacks it all gets what the zip says (and a reader that trusts the sizes is told the truth, not a lie it could
 * catch early).
 */
public final class XlsxBombs {

    /** A bombed workbook and what was done to it. */
    public record Bomb(String how, byte[] bytes) {
        @Override
        public String toString() {
            return how + " (" + bytes.length + " bytes)";
        }
    }

    private XlsxBombs() {
    }

    /** {@code good}'s first worksheet made {@code megabytes} MB of blanks inside sheetData (about 1:1000). */
    public static Bomb blankSheet(byte[] good, int megabytes) {
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) ' ');
        String part = firstSheet(good);
        return new Bomb(part + " unpacking to " + megabytes + " MB of blanks", replace(good,
                Map.of(part, new Spec(head(good, part), chunk, megabytes, "</sheetData></worksheet>"))));
    }

    /**
     * The first worksheet and the shared strings each {@code megabytes} MB of cells and strings that compress about
     * 1:60, less than the ratio POI itself calls a zip bomb (1:100), and each part under the 100 MB POI reads: only a
     * limit on what the parts unpack to in all stops it before the workbook is built in memory.
     */
    public static Bomb bigParts(byte[] good, int megabytes) {
        String part = firstSheet(good);
        Map<String, Spec> specs = new LinkedHashMap<>();
        specs.put(part, new Spec(head(good, part), text("<row><c t=\"inlineStr\"><is><t>", "</t></is></c></row>"),
                megabytes, "</sheetData></worksheet>"));
        specs.put("xl/sharedStrings.xml", new Spec("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\">", text("<si><t>", "</t></si>"),
                megabytes, "</sst>"));
        return new Bomb(part + " and xl/sharedStrings.xml of " + megabytes + " MB each", replace(good, specs));
    }

    /** {@code good}'s first worksheet with elements nested {@code depth} deep inside sheetData. */
    public static Bomb deepSheet(byte[] good, int depth) {
        String part = firstSheet(good);
        byte[] chunk = "<a>".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
        int chunks = Math.max(1, depth >> 16);
        return new Bomb(part + " nested " + ((long) chunks << 16) + " deep", replace(good,
                Map.of(part, new Spec(head(good, part), chunk, chunks, "</sheetData></worksheet>"))));
    }

    /** 1 MB of {@code open}text{@code close}, the text a place name and a number. */
    private static byte[] text(String open, String close) {
        Random r = new Random(7);
        StringBuilder sb = new StringBuilder(1 << 20);
        while (sb.length() < (1 << 20) / 2) {
            sb.append(open).append("城关派出所南关社区警务室").append(r.nextInt(1000)).append(close);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private record Spec(String head, byte[] chunk, long times, String tail) {
    }

    // ---------------------------------------------------------------------------------------------------------------

    static Map<String, byte[]> parts(byte[] zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String firstSheet(byte[] good) {
        return parts(good).keySet().stream().filter(n -> n.startsWith("xl/worksheets/sheet")).sorted().findFirst()
                .orElseThrow();
    }

    /** The part up to and including its {@code <sheetData>}, which is opened as a start tag. */
    private static String head(byte[] good, String part) {
        String xml = new String(parts(good).get(part), StandardCharsets.UTF_8);
        int at = xml.indexOf("<sheetData");
        int end = xml.indexOf('>', at);
        if (xml.charAt(end - 1) == '/') {
            return xml.substring(0, end - 1) + ">";
        }
        return xml.substring(0, end + 1);
    }

    /** {@code good} with each part of {@code specs} = head + chunk × times + tail, compressed chunk by chunk. */
    private static byte[] replace(byte[] good, Map<String, Spec> specs) {
        Map<String, byte[]> parts = parts(good);
        specs.keySet().forEach(k -> parts.putIfAbsent(k, new byte[0]));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        int count = 0;
        for (Map.Entry<String, byte[]> e : parts.entrySet()) {
            byte[] data;
            long size;
            long crc;
            Spec spec = specs.get(e.getKey());
            if (spec != null) {
                byte[] chunk = spec.chunk();
                long times = spec.times();
                byte[] h = spec.head().getBytes(StandardCharsets.UTF_8);
                byte[] t = spec.tail().getBytes(StandardCharsets.UTF_8);
                byte[] c = deflate(chunk, false);
                ByteArrayOutputStream d = new ByteArrayOutputStream();
                d.writeBytes(deflate(h, false));
                for (long i = 0; i < times; i++) {
                    d.writeBytes(c);
                }
                d.writeBytes(deflate(t, true));
                data = d.toByteArray();
                size = h.length + (long) chunk.length * times + t.length;
                CRC32 sum = new CRC32();
                sum.update(h);
                for (long i = 0; i < times; i++) {
                    sum.update(chunk);
                }
                sum.update(t);
                crc = sum.getValue();
            } else {
                data = deflate(e.getValue(), true);
                size = e.getValue().length;
                CRC32 sum = new CRC32();
                sum.update(e.getValue());
                crc = sum.getValue();
            }
            if (size > 0xFFFF_FFFEL) {
                throw new IllegalArgumentException("no zip64 here: " + size);
            }
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            int offset = zip.size();
            le(zip, 0x04034b50, 4);
            le(zip, 20, 2);
            le(zip, 0, 2);
            le(zip, 8, 2);
            le(zip, 0, 4);
            le(zip, crc, 4);
            le(zip, data.length, 4);
            le(zip, size, 4);
            le(zip, name.length, 2);
            le(zip, 0, 2);
            zip.writeBytes(name);
            zip.writeBytes(data);
            le(central, 0x02014b50, 4);
            le(central, 20, 2);
            le(central, 20, 2);
            le(central, 0, 2);
            le(central, 8, 2);
            le(central, 0, 4);
            le(central, crc, 4);
            le(central, data.length, 4);
            le(central, size, 4);
            le(central, name.length, 2);
            le(central, 0, 2);
            le(central, 0, 2);
            le(central, 0, 2);
            le(central, 0, 2);
            le(central, 0, 4);
            le(central, offset, 4);
            central.writeBytes(name);
            count++;
        }
        int cdOffset = zip.size();
        zip.writeBytes(central.toByteArray());
        le(zip, 0x06054b50, 4);
        le(zip, 0, 2);
        le(zip, 0, 2);
        le(zip, count, 2);
        le(zip, count, 2);
        le(zip, central.size(), 4);
        le(zip, cdOffset, 4);
        le(zip, 0, 2);
        return zip.toByteArray();
    }

    /** Raw deflate; not {@code last}: ends in a full flush (byte-aligned, no final block), so copies can follow. */
    private static byte[] deflate(byte[] in, boolean last) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        if (last) {
            d.finish();
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
        } else {
            int n;
            do {
                n = d.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
                out.write(buf, 0, n);
            } while (n == buf.length || !d.needsInput());
        }
        d.end();
        return out.toByteArray();
    }

    private static void le(ByteArrayOutputStream out, long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (v >>> (8 * i)) & 0xFF);
        }
    }
}
