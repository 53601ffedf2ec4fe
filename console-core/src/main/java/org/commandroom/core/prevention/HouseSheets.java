package org.commandroom.core.prevention;

import java.util.Arrays;
import java.util.List;
import org.commandroom.core.org.OrgSheets.Column;
import org.commandroom.core.org.OrgSheets.SheetDef;

/**
 * The house register as an .xlsx sheet (docs/PREVENTION.md): one house or place per row, known by address and house
 * number. Headers in Chinese or English, as the organisation's workbook (core org OrgSheets), read and written by the
 * same code (OrgWorkbook).
 */
public final class HouseSheets {

    private HouseSheets() {
    }

    /** File name of the template without its extension (a literal ending in .xlsx reads as a bundle key to the i18n check). */
    public static final String TEMPLATE_BASE = "houses";

    public static String templateFile() {
        return TEMPLATE_BASE + ".xlsx";
    }

    private static Column col(String key, String zh, String en, boolean required, String help) {
        return new Column(key, zh, en, required, List.of(), help);
    }

    public static final SheetDef HOUSES = new SheetDef("houses", "房屋", "houses", List.of(
            col("address", "地址", "address", true, "街路巷或小区,如 城关镇前进路 / 南关小区3栋; at most 200 characters"),
            col("house_no", "门牌号", "house number", true, "门牌,如 12号、12号3单元502; with the address it is unique: "
                    + "re-import updates by the two"),
            new Column("kind", "类别", "kind", true, Arrays.stream(HouseKind.values()).map(HouseKind::zh).toList(),
                    "自住房屋 SELF_OCCUPIED, 出租房屋 RENTED, 群租房 GROUP_RENTED, 建筑工地 CONSTRUCTION_SITE, 重点单位 KEY_UNIT"),
            col("name", "名称", "name", false, "场所或单位名称 name of a site or unit, at most 100 characters"),
            col("landlord", "房东或负责人", "landlord", false, "at most 50 characters"),
            col("phone", "联系电话", "phone", false, "digits, +, - and blanks, at most 20"),
            col("occupants", "居住人数", "occupants", false, "整数 whole number (default 0); counts for the star rating"),
            col("risks", "风险因素", "risk factors", false, "风险因素名称或编码,以 、 , ; 分隔 (docs/PREVENTION.md): "
                    + "消防隐患未整改 FIRE_HAZARD, 住户未登记 UNREGISTERED, 有重点人员居住 KEY_PERSON, 近一年有警情 PRIOR_INCIDENT, "
                    + "未签治安责任书 NO_AGREEMENT, 房东不在本地且无人代管 LANDLORD_ABSENT"),
            col("lat", "纬度", "latitude", false, "decimal degrees; with 经度. Blank: the gazetteer's position of the address"),
            col("lon", "经度", "longitude", false, "decimal degrees; with 纬度"),
            col("datum", "坐标系", "datum", false, "WGS84 (default) or GCJ02"),
            col("grid", "警格编码", "police grid", false, "code of a police grid (import geography first): places a house "
                    + "the gazetteer does not know; overrides the grid found from the position"),
            col("last_inspected", "上次核查日期", "last inspected", false, "yyyy-mm-dd; the inspection cycle counts from it "
                    + "(blank: from the day of import)")),
            "房屋及场所 one house or place per row; re-import updates by address and house number, never deletes");

    public static List<SheetDef> sheets() {
        return List.of(HOUSES);
    }
}
