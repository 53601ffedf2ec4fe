package org.commandroom.core.geo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.commandroom.core.camera.CameraKind;
import org.commandroom.core.geo.Datum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A GB/T 28181 Catalog answer read as a platform writes it, and the documents it must refuse. */
class GbCatalogReaderTest {

    static final GbCatalogReader READER = new GbCatalogReader(new GbCatalogReader.Settings(Datum.WGS84,
            new DistrictEnvelope(22.4, 113.7, 22.9, 114.2), CameraKind.SKYNET, Map.of("08", CameraKind.SOCIAL)));

    /** One Response with a division node, a business group, a recorder and cameras, as a platform's message. */
    static String response(String sn, String items) {
        return "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>Catalog</CmdType>\r\n<SN>" + sn
                + "</SN>\r\n<DeviceID>44030600002000000001</DeviceID>\r\n<SumNum>5</SumNum>\r\n<DeviceList Num=\"5\">\r\n"
                + items + "</DeviceList>\r\n</Response>\r\n";
    }

    static String item(String id, String name, String status, String lon, String lat) {
        return "<Item>\r\n<DeviceID>" + id + "</DeviceID>\r\n<Name>" + name + "</Name>\r\n<Manufacturer>海康威视</Manufacturer>\r\n"
                + "<Model>DS-2CD3T46</Model>\r\n<Owner>0</Owner>\r\n<CivilCode>440306</CivilCode>\r\n<Address>宝安区新安街道"
                + "</Address>\r\n<Parental>0</Parental>\r\n<ParentID>44030600002000000001</ParentID>\r\n<SafetyWay>0</SafetyWay>"
                + "\r\n<RegisterWay>1</RegisterWay>\r\n<Secrecy>0</Secrecy>\r\n"
                + (status == null ? "" : "<Status>" + status + "</Status>\r\n")
                + (lon == null ? "" : "<Longitude>" + lon + "</Longitude>\r\n<Latitude>" + lat + "</Latitude>\r\n")
                + "<Info><PTZType>1</PTZType></Info>\r\n</Item>\r\n";
    }

    static final String NODES = "<Item><DeviceID>440306</DeviceID><Name>宝安区</Name></Item>\r\n"
            + "<Item><DeviceID>44030600002150000001</DeviceID><Name>新安派出所</Name><ParentID>440306</ParentID></Item>\r\n"
            + "<Item><DeviceID>44030600001180000001</DeviceID><Name>NVR-1</Name></Item>\r\n";

    @Test
    void aGb2312AnswerInTwoMessagesGivesItsCamerasWithLinesAndLeavesTheTreeNodes() {
        String first = response("1", NODES + item("44030600001320000001", "新安一路口东", "ON", "113.8831", "22.5551")
                + item("44030600081310000002", "宝安大道社会面", "OFF", "113.8902", "22.5603"));
        String second = response("1", item("44030600001320000003", "无坐标球机", "ON", null, null)
                + item("44030600001320000004", "坐标为零", "ONLINE", "0", "0"));
        byte[] file = (first + second).getBytes(Charset.forName("GB2312"));

        GbCatalogReader.Result r = READER.read(file);

        assertTrue(r.accepted(), r.problems().toString());
        assertEquals(2, r.documents());
        assertEquals(3, r.nodes(), "division, business group and recorder are nodes, not cameras");
        assertEquals(4, r.listed().size());
        assertEquals(4, r.cameras().size());
        GbCatalogReader.Item a = r.cameras().get(0);
        assertEquals("新安一路口东", a.name(), "GB2312 decoded by the declaration");
        assertEquals(22.5551, a.position().lat(), 1e-9);
        assertEquals(113.8831, a.position().lon(), 1e-9);
        assertEquals(Boolean.TRUE, a.online());
        assertEquals(CameraKind.SKYNET, a.kind());
        assertEquals("海康威视", a.manufacturer());
        assertEquals("44030600002000000001", a.parentId());
        assertTrue(a.where().startsWith("document 1, line "), a.where());
        GbCatalogReader.Item b = r.cameras().get(1);
        assertEquals(CameraKind.SOCIAL, b.kind(), "industry 08 mapped by the bureau");
        assertEquals(Boolean.FALSE, b.online());
        assertNull(r.cameras().get(2).position());
        assertNull(r.cameras().get(3).position(), "0,0 is a platform's way of saying no position");
        assertEquals(2, r.withoutPosition());
        int secondStartsAt = (int) first.chars().filter(c -> c == '\n').count();
        String whereThird = r.cameras().get(2).where();
        int line = Integer.parseInt(whereThird.replaceAll(".*line (\\d+).*", "$1"));
        assertTrue(whereThird.startsWith("document 2, ") && line > secondStartsAt, whereThird + " after line " + secondStartsAt);
    }

    @Test
    void utf8UnderAGb2312DeclarationIsReadAsUtf8AndRealGb2312AsGb2312() {
        String doc = response("5", item("44030600001320000001", "新安一路口东", "ON", "113.8831", "22.5551"));
        assertEquals("新安一路口东", READER.read(doc.getBytes(StandardCharsets.UTF_8)).cameras().get(0).name());
        assertEquals("新安一路口东", READER.read(doc.getBytes(Charset.forName("GB2312"))).cameras().get(0).name());
        assertEquals("海康威视", READER.read(doc.getBytes(Charset.forName("GB18030"))).cameras().get(0).manufacturer());
    }

    @Test
    void badItemsAreSkippedAndNamedButStillCountAsListed() {
        String doc = response("7", item("44030600001320000001", "界外", "ON", "116.40", "39.90")
                + item("44030600001320000002", "", "ON", "113.9", "22.56")
                + item("44030600001320000003", "坏坐标", "ON", "113,9", "22.56")
                + item("4403060000132000000X", "坏编码", "ON", "113.9", "22.56")
                + item("44030600001320000005", "好的", "ON", "113.9", "22.56"));
        GbCatalogReader.Result r = READER.read(doc.getBytes(StandardCharsets.UTF_8));
        assertTrue(r.accepted());
        assertEquals(1, r.cameras().size());
        assertEquals(4, r.skippedCount());
        assertEquals(4, r.listed().size(), "a camera skipped for its data is still listed, so it is not marked removed");
        String all = r.skipped().toString();
        assertTrue(all.contains("(44030600001320000001): coordinate 116.4") && all.contains("outside the district"), all);
        assertTrue(all.contains("(44030600001320000002): has no name"), all);
        assertTrue(all.contains("are not numbers"), all);
        assertTrue(all.contains("\"4403060000132000000X\" is not 20 digits"), all);
    }

    @Test
    void aNotifyDeletesAndSwitchesOffAndTheLastListingWinsWhateverTheCaseOfItsElements() {
        String notify = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Notify><CmdType>Catalog</CmdType><SN>3</SN>"
                + "<DeviceID>44030600002000000001</DeviceID><SumNum>2</SumNum><DeviceList Num=\"2\">"
                + "<Item><DeviceID>44030600001320000001</DeviceID><Name>a</Name><Event>DEL</Event></Item>"
                + "<item><DeviceID>44030600001320000002</DeviceID><Name>b</Name><Event>VLOST</Event>"
                + "<longitude>113.9</longitude><Latitude>22.5</Latitude></item></DeviceList></Notify>";
        String before = response("2", item("44030600001320000001", "a", "ON", "113.9", "22.5")
                + item("44030600001320000002", "b", "ON", "113.9", "22.5"));
        GbCatalogReader.Result r = READER.read((before + notify).getBytes(StandardCharsets.UTF_8));
        assertTrue(r.accepted(), r.problems().toString());
        assertEquals(1, r.cameras().size());
        assertEquals("44030600001320000002", r.cameras().get(0).deviceId());
        assertEquals(Boolean.FALSE, r.cameras().get(0).online(), "video lost is off line");
        assertFalse(r.listed().contains("44030600001320000001"));
    }

    @Test
    void hostileDocumentsAreRefusedWithTheirLineAndReadNoFile(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<Response><CmdType>Catalog</CmdType><DeviceList><Item><DeviceID>44030600001320000001</DeviceID>"
                + "<Name>&x;</Name><Longitude>113.9</Longitude><Latitude>22.5</Latitude></Item></DeviceList></Response>";
        GbCatalogReader.Result r = READER.read(xxe.getBytes(StandardCharsets.UTF_8));
        assertFalse(r.accepted());
        assertTrue(r.cameras().isEmpty());
        assertFalse(r.problems().toString().contains("SECRET-CONTENT"));
        assertTrue(r.problems().get(0).where().equals("line 2"), r.problems().toString());

        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY l0 \"ha\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]>\n<Response><CmdType>Catalog</CmdType><SN>&l9;</SN></Response>");
        long heapBefore = usedHeap();
        GbCatalogReader.Result l = READER.read(laughs.toString().getBytes(StandardCharsets.UTF_8));
        assertFalse(l.accepted());
        assertTrue(l.problems().get(0).reason().contains("DOCTYPE"), l.problems().toString());
        assertTrue(usedHeap() - heapBefore < 64L * 1024 * 1024, "no expansion");

        String deep = "<?xml version=\"1.0\"?><Response><CmdType>Catalog</CmdType>" + "<a>".repeat(100)
                + "</a>".repeat(100) + "</Response>";
        GbCatalogReader.Result d = READER.read(deep.getBytes(StandardCharsets.UTF_8));
        assertFalse(d.accepted());
        assertTrue(d.problems().get(0).reason().contains("nested deeper"), d.problems().toString());

        String longText = "<?xml version=\"1.0\"?><Response><CmdType>Catalog</CmdType><SN>" + "9".repeat(20_000)
                + "</SN></Response>";
        GbCatalogReader.Result t = READER.read(longText.getBytes(StandardCharsets.UTF_8));
        assertFalse(t.accepted());
        assertTrue(t.problems().get(0).reason().contains("longer than"), t.problems().toString());
    }

    @Test
    void whatIsNotACatalogueIsSaidSo() {
        assertEquals("the message is a DeviceInfo, not a Catalog", READER.read(("<?xml version=\"1.0\"?>\n<Response>\n"
                + "<CmdType>DeviceInfo</CmdType></Response>").getBytes(StandardCharsets.UTF_8)).problems().get(0).reason());
        GbCatalogReader.Result broken = READER.read(response("1", "<Item><DeviceID>1</DeviceID>")
                .getBytes(StandardCharsets.UTF_8));
        assertFalse(broken.accepted());
        assertTrue(broken.problems().get(0).reason().startsWith("not a readable catalogue"), broken.problems().toString());
        assertTrue(broken.problems().get(0).where().startsWith("line "), broken.problems().toString());
        assertEquals("is empty", READER.read(" \n".getBytes(StandardCharsets.UTF_8)).problems().get(0).reason());
        assertTrue(READER.read("<html><body>404</body></html>".getBytes(StandardCharsets.UTF_8)).problems().get(0)
                .reason().contains("<html>"));
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
