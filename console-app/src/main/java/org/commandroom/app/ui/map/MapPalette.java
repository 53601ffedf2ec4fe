package org.commandroom.app.ui.map;

/**
 * The command room's dark map palette, as 0xAARRGGBB values usable from AWT (tile rendering, off the
 * FX thread) and JavaFX ({@code Color.rgb}) alike. One place, so the tiles and the layers agree.
 */
public final class MapPalette {

    public static final int LAND = 0xFF121922;
    public static final int DISTRICT_LAND = 0xFF18212D;
    public static final int DISTRICT_OUTLINE = 0xFF4F86C6;
    public static final int AREA_FILL = 0xFF1C2735;
    public static final int AREA_OUTLINE = 0xFF2F4157;
    public static final int AREA_LABEL = 0xFF7F96B2;
    public static final int WATER = 0xFF123A5C;
    public static final int ROAD_MAJOR = 0xFF4A5D75;
    public static final int ROAD_MINOR = 0xFF34455A;
    public static final int NEUTRAL_TILE = 0xFF151C25;
    public static final int NEUTRAL_TILE_LINE = 0xFF1E2833;

    public static final int GRADE_RED = 0xFFE5484D;
    public static final int GRADE_ORANGE = 0xFFF59E0B;
    public static final int GRADE_GREEN = 0xFF30A46C;
    /** Houses of the register by stars (1 red, 2 orange, 5 green: the grades above): 3 and 4 stars. */
    public static final int HOUSE_3_STARS = 0xFFEAD13A;
    public static final int HOUSE_4_STARS = 0xFF9BCB4A;

    public static final int CAMERA_SKYNET = 0xFF38BDF8;
    public static final int CAMERA_XUELIANG = 0xFFA78BFA;
    public static final int CAMERA_CLASS1 = 0xFFFACC15;
    public static final int CAMERA_TELECOM = 0xFF2DD4BF;
    public static final int CAMERA_SOCIAL = 0xFF94A3B8;
    public static final int CAMERA_OFFLINE = 0xFF4B5563;
    public static final int CLUSTER = 0xFF0EA5E9;

    public static final int UNIT_AVAILABLE = 0xFF22C55E;
    public static final int UNIT_EN_ROUTE = 0xFF3B82F6;
    public static final int UNIT_ON_SCENE = 0xFFF97316;
    public static final int UNIT_BUSY = 0xFFEAB308;
    public static final int UNIT_OFF_DUTY = 0xFF6B7280;
    public static final int UNIT_STALE = 0xFF9CA3AF;

    public static final int PRIORITY_1 = 0xFFEF4444;
    public static final int PRIORITY_2 = 0xFFF97316;
    public static final int PRIORITY_3 = 0xFFFACC15;

    public static final int MICRO_GRID = 0xFF8FA3BF;
    public static final int PATROL_ZONE = 0xFF22D3EE;
    /** The stations' own boundaries (派出所辖区), a dash-dot outline. */
    public static final int STATION_AREA = 0xFFC084FC;
    public static final int DEPLOYMENT_POINT = 0xFFFDE047;
    public static final int KEY_PLACE = 0xFFF472B6;
    public static final int POLICE_OFFICE = 0xFF60A5FA;

    public static final int SELECTION = 0xFFFFFFFF;
    public static final int AREA_SELECTION = 0xFF22D3EE;
    public static final int TEXT = 0xFFE5E7EB;
    public static final int TEXT_HALO = 0xFF0B1017;

    private MapPalette() {
    }

    public static javafx.scene.paint.Color fx(int argb) {
        return fx(argb, ((argb >>> 24) & 0xFF) / 255.0);
    }

    public static javafx.scene.paint.Color fx(int argb, double opacity) {
        return javafx.scene.paint.Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, opacity);
    }

    /** Font families able to show Chinese, best first; the first installed one is used. */
    public static final String[] CJK_FONT_FAMILIES = {
        "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", "SimHei"
    };
}
