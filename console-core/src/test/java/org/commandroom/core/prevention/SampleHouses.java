package org.commandroom.core.prevention;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commandroom.core.org.OrgWorkbook;

/**
 * The sample house register of assets/samples/houses (written by this class, not taken from anywhere): houses and
 * places of 城东派出所's two police grids in the sample geography (assets/samples/police-grids.geojson), every kind, a
 * spread of risk factors and so of stars, some with a last inspection date. Regenerate with
 * <pre>
 * java -cp console-core/target/classes:console-core/target/test-classes:$(cat /tmp/cp.txt) \
 *     org.commandroom.core.prevention.SampleHouses assets/samples/houses
 * </pre>
 * (the class path as for core org SampleBureau).
 */
public final class SampleHouses {

    private SampleHouses() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "assets/samples/houses");
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve(HouseSheets.templateFile()))) {
            OrgWorkbook.write(HouseSheets.sheets(), Locale.ROOT, Map.of("houses", houses()), out);
        }
    }

    static Map<String, String> row(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** 16 rows: 城东一警格 (104.00-104.02 E) and 城东二警格 (104.02-104.06 E), 29.23-29.29 N, WGS84. */
    static List<Map<String, String>> houses() {
        List<Map<String, String>> out = new ArrayList<>();
        String[][] rented = {
                {"东门路", "8号", "3", "", "29.2410", "104.0050", "2026-11-10"},
                {"东门路", "10号2单元301", "4", "未签治安责任书", "29.2420", "104.0061", ""},
                {"东门路", "15号", "11", "住户未登记", "29.2433", "104.0078", "2026-10-28"},
                {"河坝街", "3号", "2", "消防隐患未整改、近一年有警情", "29.2451", "104.0305", ""},
                {"河坝街", "21号", "6", "", "29.2466", "104.0342", "2026-11-30"},
                {"滨江路", "66号", "5", "房东不在本地且无人代管", "29.2501", "104.0412", ""},
        };
        String[] landlords = {"王德明", "李秀英", "张国华", "刘建平", "陈玉兰", "杨志强"};
        for (int i = 0; i < rented.length; i++) {
            String[] r = rented[i];
            out.add(row("address", r[0], "house_no", r[1], "kind", "出租房屋", "landlord", landlords[i],
                    "phone", "1390833" + String.format(Locale.ROOT, "%04d", 1200 + i * 37), "occupants", r[2], "risks", r[3],
                    "lat", r[4], "lon", r[5], "last_inspected", r[6]));
        }
        out.add(row("address", "河坝街", "house_no", "27号", "kind", "群租房", "landlord", "赵永福", "phone", "13908331888",
                "occupants", "14", "risks", "消防隐患未整改、住户未登记", "lat", "29.2473", "lon", "104.0361"));
        out.add(row("address", "东门路", "house_no", "2号", "kind", "自住房屋", "landlord", "周桂芳", "occupants", "3",
                "lat", "29.2402", "lon", "104.0032", "last_inspected", "2026-06-20"));
        out.add(row("address", "东门路", "house_no", "4号", "kind", "自住房屋", "landlord", "吴长林", "occupants", "5",
                "lat", "29.2405", "lon", "104.0039"));
        out.add(row("address", "河坝街", "house_no", "9号", "kind", "自住房屋", "landlord", "郑淑华", "occupants", "2",
                "lat", "29.2458", "lon", "104.0318", "last_inspected", "2026-09-01"));
        out.add(row("address", "滨江路", "house_no", "88号", "kind", "自住房屋", "landlord", "孙德胜", "occupants", "4",
                "risks", "有重点人员居住", "lat", "29.2512", "lon", "104.0433"));
        out.add(row("address", "城东大道", "house_no", "1号", "kind", "建筑工地", "name", "城东安置小区二期工地",
                "landlord", "四川某建设公司 何经理", "phone", "0833-4201188", "occupants", "86", "lat", "29.2650",
                "lon", "104.0150", "last_inspected", "2026-12-01"));
        out.add(row("address", "滨江路", "house_no", "120号", "kind", "建筑工地", "name", "滨江防洪堤整治工程",
                "landlord", "某水利工程公司 冯经理", "occupants", "32", "risks", "住户未登记", "lat", "29.2700", "lon",
                "104.0480"));
        out.add(row("address", "城东大道", "house_no", "18号", "kind", "重点单位", "name", "城东加油站", "landlord", "高建军",
                "phone", "0833-4203366", "lat", "29.2580", "lon", "104.0120", "last_inspected", "2026-11-15"));
        out.add(row("address", "河坝街", "house_no", "40号", "kind", "重点单位", "name", "河坝小学", "landlord", "林校长",
                "lat", "29.2490", "lon", "104.0380"));
        // a house the bureau's file places by its police grid only (no coordinates, not in the gazetteer)
        out.add(row("address", "东门后街", "house_no", "5号", "kind", "出租房屋", "landlord", "黄德才", "occupants", "3",
                "grid", "PCS01-01"));
        return out;
    }
}
