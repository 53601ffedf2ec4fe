package org.commandroom.core.org;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of a bureau's organisation and patrol units as .xlsx sheets (docs/ADMIN.md): which sheets, which
 * columns, what each accepts. A header or sheet name may be given in Chinese or English; both are recognised, with
 * case, blanks, underscores and a trailing {@code *} (the template's "required" mark) ignored.
 */
public final class OrgSheets {

    private OrgSheets() {
    }

    /** One column: its key, its Chinese and English headers, whether a value is required, and what it takes. */
    public record Column(String key, String zh, String en, boolean required, List<String> choices, String help) {
        public Column {
            choices = List.copyOf(choices);
        }

        public String header(Locale lang) {
            return (isEnglish(lang) ? en : zh) + (required ? "*" : "");
        }

        boolean matches(String header) {
            String h = normalise(header);
            return h.equals(normalise(zh)) || h.equals(normalise(en)) || h.equals(normalise(key));
        }
    }

    /** One sheet: its key, its names, and its columns in template order. */
    public record SheetDef(String key, String zh, String en, List<Column> columns, String help) {
        public SheetDef {
            columns = List.copyOf(columns);
        }

        public String name(Locale lang) {
            return isEnglish(lang) ? en : zh;
        }

        boolean matches(String sheetName) {
            String n = normalise(sheetName);
            return n.equals(normalise(zh)) || n.equals(normalise(en)) || n.equals(normalise(zh + en))
                    || n.equals(normalise(key));
        }

        /** The column a header names, if any. */
        public Optional<Column> column(String header) {
            return columns.stream().filter(c -> c.matches(header)).findFirst();
        }
    }

    /** Which workbook: the organisation (bureau, stations, posts, teams, officers) or the patrol units. */
    public enum Book {
        ORGANISATION("organisation"),
        UNITS("units");

        private final String templateFile;

        /** {@code baseName} without its extension: a file name literal such as units + .xlsx reads as a bundle key to the i18n check. */
        Book(String baseName) {
            this.templateFile = baseName + ".xlsx";
        }

        public String templateFile() {
            return templateFile;
        }

        public List<SheetDef> sheets() {
            return this == ORGANISATION ? List.of(BUREAU, STATIONS, POSTS, TEAMS, OFFICERS) : List.of(UNITS_SHEET);
        }
    }

    // Values a choice column accepts, Chinese and English, onto what the database stores.
    public static final Map<String, String> TEAM_KINDS = Map.of(
            "社区警务队", "COMMUNITY", "案件办理队", "CASE", "打击办案队", "CASE", "综合指挥室", "COMMAND", "巡逻队", "PATROL");
    public static final Map<String, String> RANK_KINDS = Map.of("民警", "POLICE", "辅警", "AUXILIARY");
    public static final Map<String, String> DUTIES = Map.of("社区民警", "COMMUNITY_OFFICER", "巡逻", "PATROL",
            "办案", "CASE", "指挥", "COMMANDER", "所领导", "LEADER");
    public static final Map<String, String> UNIT_KINDS = Map.of("巡逻车", "CAR", "摩托车", "MOTORBIKE", "步巡", "FOOT");

    private static Column col(String key, String zh, String en, boolean required, String help) {
        return new Column(key, zh, en, required, List.of(), help);
    }

    private static Column choice(String key, String zh, String en, boolean required, Map<String, String> values,
                                 String help) {
        return new Column(key, zh, en, required, values.keySet().stream().sorted().toList(), help);
    }

    private static final String STATION_HELP = "编码或名称 code or name of a station/post (this file or the database)";

    public static final SheetDef BUREAU = new SheetDef("bureau", "分局", "bureau", List.of(
            col("code", "编码", "code", true, "行政区划代码等 the bureau's code, e.g. 511123"),
            col("name", "名称", "name", true, "犍为县公安局")),
            "一行 one row: the bureau all stations and posts of the file belong to");

    private static List<Column> stationColumns() {
        return List.of(
                col("code", "编码", "code", true, "唯一 unique, at most 32 characters; police grids name it"),
                col("name", "名称", "name", true, "at most 100 characters"),
                col("population", "常住人口", "population", false, "整数 whole number"),
                col("area", "面积(平方公里)", "area km2", false, "number of km²"),
                col("peer_group", "对比组", "peer group", false, "stations compared with each other (index)"),
                col("bureau", "分局", "bureau", false, "code of the bureau, when the database has several"));
    }

    public static final SheetDef STATIONS = new SheetDef("stations", "派出所", "stations", stationColumns(),
            "派出所 one police station per row; re-import updates by code");
    public static final SheetDef POSTS = new SheetDef("posts", "警务站", "posts", stationColumns(),
            "警务站 one street police post per row; re-import updates by code");

    public static final SheetDef TEAMS = new SheetDef("teams", "队", "teams", List.of(
            col("station", "单位", "station", true, STATION_HELP),
            col("name", "队名", "name", true, "e.g. 城东派出所社区警务队; unique within its station"),
            choice("kind", "类别", "kind", true, TEAM_KINDS,
                    "社区警务队 COMMUNITY, 案件办理队 CASE, 综合指挥室 COMMAND, 巡逻队 PATROL")),
            "两队一室 the teams of each station; re-import updates by station and name");

    public static final SheetDef OFFICERS = new SheetDef("officers", "民警辅警", "officers", List.of(
            col("badge", "警号", "badge number", true, "唯一 unique, at most 16 characters"),
            col("name", "姓名", "name", true, "at most 50 characters"),
            choice("rank", "类别", "kind", true, RANK_KINDS, "民警 POLICE or 辅警 AUXILIARY"),
            col("phone", "电话", "phone", false, "digits, +, - and blanks, at most 20"),
            choice("post", "岗位", "post", true, DUTIES,
                    "社区民警 COMMUNITY_OFFICER, 巡逻 PATROL, 办案 CASE, 指挥 COMMANDER, 所领导 LEADER"),
            col("station", "单位", "station", true, STATION_HELP),
            col("team", "所属队", "team", false, "a team of that station: its name, or its kind (社区警务队…)")),
            "民警和辅警 one person per row; re-import updates by badge number");

    public static final SheetDef UNITS_SHEET = new SheetDef("units", "巡逻警力", "patrol units", List.of(
            col("call_sign", "呼号", "call sign", true, "唯一 unique, at most 32 characters"),
            choice("kind", "类型", "kind", true, UNIT_KINDS, "巡逻车 CAR, 摩托车 MOTORBIKE, 步巡 FOOT"),
            col("crew", "警组成员", "crew", false, "警号 badge numbers of the crew, separated by 、 , ; or blanks"),
            col("station", "单位", "station", true, STATION_HELP),
            col("terminal", "终端编号", "terminal id", false, "the id its terminal reports; unique, at most 64"),
            col("zone", "巡区", "zone", false, "重点巡区 key patrol zone: code or name (import geography first)")),
            "巡逻警力 one patrol unit per row; re-import updates by call sign");

    static boolean isEnglish(Locale lang) {
        return lang != null && "en".equals(lang.getLanguage());
    }

    /** Lower case, without blanks, underscores, hyphens, brackets' spaces and the required mark. */
    static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String n = s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-*＊]", "");
        return n.replace('（', '(').replace('）', ')');
    }

    /** A choice cell's stored value: the Chinese word, the stored name, or its English word (case ignored). */
    static Optional<String> choose(Map<String, String> values, String cell) {
        String v = cell.strip();
        if (values.containsKey(v)) {
            return Optional.of(values.get(v));
        }
        String upper = v.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        if (values.containsValue(upper)) {
            return Optional.of(upper);
        }
        Map<String, String> english = Map.of("COMMUNITY_POLICING", "COMMUNITY", "POLICE_OFFICER", "POLICE",
                "COMMUNITY", "COMMUNITY_OFFICER", "MOTORCYCLE", "MOTORBIKE", "BIKE", "MOTORBIKE", "WALK", "FOOT");
        String mapped = english.get(upper);
        return mapped != null && values.containsValue(mapped) ? Optional.of(mapped) : Optional.empty();
    }
}
