package org.commandroom.core.prevention;

import java.util.Locale;
import java.util.Optional;

/** What a registered house or place is (seed 000: 自住房屋, 出租房屋, 项目工地; the register adds 群租房 and 重点单位). */
public enum HouseKind {
    /** 自住房屋 */
    SELF_OCCUPIED("自住房屋", "self-occupied"),
    /** 出租房屋 */
    RENTED("出租房屋", "rented"),
    /** 群租房 */
    GROUP_RENTED("群租房", "group-rented"),
    /** 建筑工地 / 项目工地 */
    CONSTRUCTION_SITE("建筑工地", "construction site"),
    /** 重点单位 */
    KEY_UNIT("重点单位", "key unit");

    private final String zh;
    private final String en;

    HouseKind(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** The kind a cell names: its Chinese word (自住, 出租 and 工地 for short too), English word or stored name. */
    public static Optional<HouseKind> parse(String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        String v = cell.strip();
        String upper = v.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (HouseKind k : values()) {
            if (k.zh.equals(v) || k.name().equals(upper) || k.en.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_')
                    .equals(upper)) {
                return Optional.of(k);
            }
        }
        return switch (v) {
            case "自住", "自住房" -> Optional.of(SELF_OCCUPIED);
            case "出租", "出租房", "出租屋" -> Optional.of(RENTED);
            case "群租", "群租屋" -> Optional.of(GROUP_RENTED);
            case "工地", "项目工地", "建筑工地" -> Optional.of(CONSTRUCTION_SITE);
            case "重点部位" -> Optional.of(KEY_UNIT);
            default -> Optional.empty();
        };
    }
}
