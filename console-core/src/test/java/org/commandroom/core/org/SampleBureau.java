package org.commandroom.core.org;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The small sample bureau of {@code assets/samples/organisation/} (made for this project, not a real bureau's data):
 * the town of the geography samples (城东/城西街道, police grids of station PCS01), with two stations, one street
 * post, their teams, 22 officers and auxiliaries and 5 patrol units. Writes the two filled templates:
 *
 * <pre>
 * mvn -o -q -pl console-core test-compile
 * (cd console-core; mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt)
 * java -cp console-core/target/classes:console-core/target/test-classes:$(cat /tmp/cp.txt) \
 *     org.commandroom.core.org.SampleBureau assets/samples/organisation
 * </pre>
 */
public final class SampleBureau {

    private SampleBureau() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "assets/samples/organisation");
        Files.createDirectories(dir);
        write(OrgSheets.Book.ORGANISATION, organisation(), dir.resolve("organisation.xlsx"));
        write(OrgSheets.Book.UNITS, units(), dir.resolve("units.xlsx"));
    }

    static void write(OrgSheets.Book book, Map<String, List<Map<String, String>>> rows, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            OrgWorkbook.write(book, Locale.ROOT, rows, out);
        }
    }

    static Map<String, String> row(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static Map<String, List<Map<String, String>>> organisation() {
        Map<String, List<Map<String, String>>> book = new LinkedHashMap<>();
        book.put("bureau", List.of(row("code", "511123", "name", "犍为县公安局")));
        book.put("stations", List.of(
                row("code", "PCS01", "name", "城东派出所", "population", "8300", "area", "21.5", "peer_group", "城区"),
                row("code", "PCS02", "name", "城西派出所", "population", "4400", "area", "18.2", "peer_group", "城区")));
        book.put("posts", List.of(row("code", "PST01", "name", "河坝警务站", "population", "3100", "area", "6.4")));
        List<Map<String, String>> teams = new ArrayList<>();
        for (String[] s : new String[][] {{"PCS01", "城东派出所"}, {"PCS02", "城西派出所"}}) {
            teams.add(row("station", s[0], "name", s[1] + "社区警务队", "kind", "社区警务队"));
            teams.add(row("station", s[0], "name", s[1] + "案件办理队", "kind", "案件办理队"));
            teams.add(row("station", s[0], "name", s[1] + "综合指挥室", "kind", "综合指挥室"));
            teams.add(row("station", s[0], "name", s[1] + "巡逻队", "kind", "巡逻队"));
        }
        teams.add(row("station", "河坝警务站", "name", "河坝警务站巡逻队", "kind", "巡逻队"));
        book.put("teams", teams);
        String[][] people = {
                // badge, name, kind, phone, post, station, team
                {"051001", "周建国", "民警", "13990610001", "所领导", "PCS01", ""},
                {"051002", "李明", "民警", "13990610002", "指挥", "PCS01", "综合指挥室"},
                {"051003", "王强", "民警", "13990610003", "指挥", "PCS01", "综合指挥室"},
                {"051004", "陈静", "民警", "13990610004", "社区民警", "PCS01", "社区警务队"},
                {"051005", "刘洋", "民警", "13990610005", "社区民警", "PCS01", "社区警务队"},
                {"051006", "杨帆", "民警", "13990610006", "办案", "PCS01", "案件办理队"},
                {"051007", "赵磊", "民警", "13990610007", "巡逻", "PCS01", "巡逻队"},
                {"F51001", "黄伟", "辅警", "13990610011", "巡逻", "PCS01", "巡逻队"},
                {"F51002", "吴涛", "辅警", "13990610012", "巡逻", "PCS01", "巡逻队"},
                {"051008", "孙丽", "民警", "13990610008", "巡逻", "PCS01", "巡逻队"},
                {"F51003", "郑浩", "辅警", "13990610013", "巡逻", "PCS01", "巡逻队"},
                {"052001", "马超", "民警", "13990620001", "所领导", "PCS02", ""},
                {"052002", "胡军", "民警", "13990620002", "指挥", "PCS02", "综合指挥室"},
                {"052003", "郭敏", "民警", "13990620003", "社区民警", "PCS02", "社区警务队"},
                {"052004", "何勇", "民警", "13990620004", "办案", "PCS02", "案件办理队"},
                {"052005", "林峰", "民警", "13990620005", "巡逻", "PCS02", "巡逻队"},
                {"F52001", "高翔", "辅警", "13990620011", "巡逻", "PCS02", "巡逻队"},
                {"F52002", "罗斌", "辅警", "13990620012", "巡逻", "PCS02", "巡逻队"},
                {"053001", "梁平", "民警", "13990630001", "巡逻", "PST01", "巡逻队"},
                {"F53001", "宋凯", "辅警", "13990630011", "巡逻", "PST01", "巡逻队"},
                {"F53002", "唐亮", "辅警", "13990630012", "巡逻", "PST01", "巡逻队"},
                {"F51004", "许婷", "辅警", "13990610014", "社区民警", "PCS01", "社区警务队"}};
        List<Map<String, String>> officers = new ArrayList<>();
        for (String[] p : people) {
            officers.add(row("badge", p[0], "name", p[1], "rank", p[2], "phone", p[3], "post", p[4], "station", p[5],
                    "team", p[6]));
        }
        book.put("officers", officers);
        return book;
    }

    static Map<String, List<Map<String, String>>> units() {
        return Map.of("units", List.of(
                row("call_sign", "城东01", "kind", "巡逻车", "crew", "051007、F51001、F51002", "station", "PCS01",
                        "terminal", "T511123-0001"),
                row("call_sign", "城东02", "kind", "巡逻车", "crew", "051008、F51003", "station", "PCS01",
                        "terminal", "T511123-0002"),
                row("call_sign", "城东闪电01", "kind", "摩托车", "crew", "051006", "station", "城东派出所",
                        "terminal", "T511123-0003"),
                row("call_sign", "城西01", "kind", "巡逻车", "crew", "052005、F52001、F52002", "station", "PCS02",
                        "terminal", "T511123-0004"),
                row("call_sign", "河坝步巡01", "kind", "步巡", "crew", "053001、F53001、F53002", "station", "PST01",
                        "terminal", "T511123-0005")));
    }
}
