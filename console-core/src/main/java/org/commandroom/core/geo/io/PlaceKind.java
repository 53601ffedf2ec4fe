package org.commandroom.core.geo.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.commandroom.core.text.Text;

/**
 * The three kinds of named place a bureau lists ({@link PlaceImportService}): key places (重点场所, table key_place),
 * community police offices (社区警务室, police_office) and deployment points (屯警点, deployment_point).
 *
 * <p>Each has a fixed number among the change feed's GEOGRAPHY rows, {@link #changeId()} (the boundary layers use 1 to 8,
 * the base map 100): an import writes one such row and every map reloads the layer.
 */
public enum PlaceKind {
    KEY_PLACE("key-place", "key_place", 9),
    POLICE_OFFICE("police-office", "police_office", 10),
    DEPLOYMENT_POINT("deployment-point", "deployment_point", 11);

    /** At most this many characters in a key place's kind, as the table holds. */
    static final int MAX_KIND = 24;

    /** Key places' kinds as the map and search name them, from the words a list may use. */
    private static final Map<String, String> KEY_PLACE_KINDS = Map.ofEntries(
            Map.entry("学校", "SCHOOL"), Map.entry("中学", "SCHOOL"), Map.entry("小学", "SCHOOL"),
            Map.entry("幼儿园", "KINDERGARTEN"), Map.entry("医院", "HOSPITAL"), Map.entry("农贸市场", "MARKET"),
            Map.entry("市场", "MARKET"), Map.entry("夜市", "NIGHT_MARKET"), Map.entry("商场", "MALL"),
            Map.entry("银行", "BANK"), Map.entry("汽车站", "BUS_STATION"), Map.entry("客运站", "BUS_STATION"),
            Map.entry("加油站", "GAS_STATION"), Map.entry("宾馆", "HOTEL"), Map.entry("酒店", "HOTEL"),
            Map.entry("旅馆", "HOTEL"), Map.entry("网吧", "INTERNET_CAFE"), Map.entry("KTV", "KTV"),
            Map.entry("机关单位", "GOVERNMENT"), Map.entry("机关", "GOVERNMENT"));

    private final String cliName;
    private final String table;
    private final long changeId;

    PlaceKind(String cliName, String table, long changeId) {
        this.cliName = cliName;
        this.table = table;
        this.changeId = changeId;
    }

    /** The name on the command line and in the audit trail, e.g. {@code key-place}. */
    public String cliName() {
        return cliName;
    }

    String table() {
        return table;
    }

    /** The entity id of this kind's change-feed row (entity GEOGRAPHY). */
    public long changeId() {
        return changeId;
    }

    /** The kind's name in a sentence, e.g. 重点场所 / key places. */
    public Text text() {
        return switch (this) {
            case KEY_PLACE -> Text.of("core.geo.layer.keyPlaces");
            case POLICE_OFFICE -> Text.of("core.geo.layer.policeOffices");
            case DEPLOYMENT_POINT -> Text.of("core.geo.layer.deploymentPoints");
        };
    }

    /** The kind named {@code key-place}, {@code police-office}, {@code deployment-point} (case, {@code _}, a final s ignored). */
    public static Optional<PlaceKind> parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        String singular = n.endsWith("s") ? n.substring(0, n.length() - 1) : n;
        return Arrays.stream(values()).filter(k -> k.cliName.equals(n) || k.cliName.equals(singular)).findFirst();
    }

    /**
     * Whether the text is a key place's kind the map knows (学校, school, SCHOOL, KTV...): a list whose rows carry one is
     * a list of key places, whatever it was imported as.
     */
    static boolean isKnownKeyPlaceKind(String given) {
        return KEY_PLACE_KINDS.containsValue(keyPlaceKind(given));
    }

    /**
     * A key place's kind as stored: the map's code for a known word ({@code 学校} or {@code school} → {@code SCHOOL}),
     * else the text as the list gives it (shown as it is).
     */
    static String keyPlaceKind(String given) {
        String t = given.strip();
        String code = KEY_PLACE_KINDS.get(t.toUpperCase(Locale.ROOT).equals("KTV") ? "KTV" : t);
        if (code != null) {
            return code;
        }
        String upper = t.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return KEY_PLACE_KINDS.containsValue(upper) ? upper : t;
    }
}
