package org.commandroom.core.index;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.incident.IncidentCategory;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;

/**
 * A computation's formula in words, in Chinese and in English, for the trace (the dashboard shows the one of the
 * user's language). Incident types are named one by one, except that a whole category is named as the category;
 * lists are in the enums' order, so the text is the same every time.
 */
final class FormulaText {

    /** The formula in both languages. */
    record Text(String zh, String en) {
    }

    private static final Map<IncidentCategory, String> CATEGORY_ZH = Map.of(
            IncidentCategory.CRIMINAL, "刑事", IncidentCategory.PUBLIC_ORDER, "治安", IncidentCategory.TRAFFIC, "交通",
            IncidentCategory.DISPUTE, "纠纷", IncidentCategory.HELP, "求助", IncidentCategory.NON_POLICE, "非警务");

    private static final Map<IncidentType, String> TYPE_ZH = Map.ofEntries(
            Map.entry(IncidentType.BURGLARY, "入室盗窃"), Map.entry(IncidentType.ROBBERY, "抢劫"),
            Map.entry(IncidentType.ASSAULT, "伤害"), Map.entry(IncidentType.EBIKE_THEFT, "电动车被盗"),
            Map.entry(IncidentType.PICKPOCKET, "扒窃"), Map.entry(IncidentType.TELECOM_FRAUD, "电信诈骗"),
            Map.entry(IncidentType.FIGHT, "打架斗殴"), Map.entry(IncidentType.GAMBLING_VICE, "黄赌"),
            Map.entry(IncidentType.SUSPICIOUS_PERSON, "可疑人员"), Map.entry(IncidentType.NOISE, "噪声扰民"),
            Map.entry(IncidentType.TRAFFIC_INJURY, "交通事故（有人受伤）"), Map.entry(IncidentType.TRAFFIC_ACCIDENT, "交通事故"),
            Map.entry(IncidentType.TRAFFIC_JAM, "交通拥堵"), Map.entry(IncidentType.FAMILY_DISPUTE, "家庭纠纷"),
            Map.entry(IncidentType.NEIGHBOUR_DISPUTE, "邻里纠纷"), Map.entry(IncidentType.LABOUR_DISPUTE, "劳资纠纷"),
            Map.entry(IncidentType.CONSUMER_DISPUTE, "消费纠纷"), Map.entry(IncidentType.SELF_HARM_RISK, "轻生风险"),
            Map.entry(IncidentType.MISSING_PERSON, "人员走失"), Map.entry(IncidentType.HELP_OTHER, "其他求助"),
            Map.entry(IncidentType.NON_POLICE, "非警务求助"));

    private static final Map<IncidentStatus, String> STATUS_ZH = Map.of(IncidentStatus.NEW, "待派警",
            IncidentStatus.DISPATCHED, "已派警", IncidentStatus.ON_SCENE, "已到场", IncidentStatus.CLOSED, "已办结",
            IncidentStatus.DIVERTED, "已分流");

    private static final Map<OrderKind, String> ORDER_ZH = Map.of(OrderKind.DISPATCH, "出警", OrderKind.INTERCEPT, "布控",
            OrderKind.VISIT, "上门回访", OrderKind.DISPUTE_FOLLOW_UP, "纠纷跟进", OrderKind.HOUSE_INSPECTION, "房屋检查",
            OrderKind.STANDARD_TASK, "标准件", OrderKind.REMINDER, "提醒单");

    private static final Map<Computation.MatchOn, String> MATCH_ZH = Map.of(Computation.MatchOn.CALLER, "报警人号码",
            Computation.MatchOn.ADDRESS, "地址", Computation.MatchOn.CALLER_OR_ADDRESS, "报警人号码或地址");

    private static final Map<Computation.MatchOn, String> MATCH_EN = Map.of(Computation.MatchOn.CALLER, "caller number",
            Computation.MatchOn.ADDRESS, "address", Computation.MatchOn.CALLER_OR_ADDRESS, "caller number or address");

    private FormulaText() {
    }

    /** A manual indicator's formula. */
    static Text manual() {
        return new Text("原始值 = 本期各月填报值的平均(分子:填报值之和,分母:有填报的月数),或对整个期间的填报值",
                "raw = mean of the values entered for the months of the period (numerator: their sum, "
                        + "denominator: how many months have one), or the value entered for the period as a whole");
    }

    static Text of(Computation c) {
        String tz = typesZh(c.types());
        String te = typesEn(c.types());
        String ok = names(c.orderKinds(), OrderKind.class, ORDER_ZH::get, "、");
        String oe = names(c.orderKinds(), OrderKind.class, Enum::name, ", ");
        return switch (c.kind()) {
            case INCIDENT_RATE -> new Text("原始值 = " + tz + "警情数 / (辖区人口 / " + c.perResidents() + " × 月数)",
                    "raw = incidents of " + te + " / (residents / " + c.perResidents() + " × months)");
            case INCIDENT_COUNT -> new Text("原始值 = " + tz + "警情数 / 月数", "raw = incidents of " + te + " / months");
            case INCIDENT_CHANGE_YOY -> new Text("原始值 = 100 × (本期" + tz + "警情数 − 去年同期警情数) / 去年同期警情数",
                    "raw = 100 × (incidents of " + te + " this period − same period last year) / same period last year");
            case INCIDENT_STATUS_SHARE -> new Text("原始值 = 100 × 状态为" + names(c.statuses(), IncidentStatus.class, STATUS_ZH::get, "、")
                    + "的" + tz + "警情数 / 这些类型的警情数",
                    "raw = 100 × incidents of " + te + " with status " + names(c.statuses(), IncidentStatus.class, Enum::name, ", ")
                            + " / incidents of those types");
            case REPEAT_INCIDENT_SHARE -> new Text("原始值 = 100 × " + repeatZh(c, tz) + " / 这些类型的警情数",
                    "raw = 100 × " + repeatEn(c, te) + " / incidents of those types");
            case REPEAT_INCIDENT_COUNT -> new Text("原始值 = " + repeatZh(c, tz) + " / 月数", "raw = " + repeatEn(c, te) + " / months");
            case FOLLOW_UP_ORDER_SHARE -> new Text("原始值 = 100 × 接警后" + c.withinDays() + "天内生成" + ok + "指令的" + tz
                    + "警情数 / 这些类型的警情数",
                    "raw = 100 × incidents of " + te + " with a " + oe + " order created within " + c.withinDays()
                            + " days / incidents of those types");
            case SIGN_ON_TIME_SHARE -> new Text("原始值 = 100 × 按时签收的" + ok + "指令数 / 签收时限在本期内且已到的指令数",
                    "raw = 100 × orders " + oe + " signed by their signing deadline / orders whose signing deadline fell in the "
                            + "period and has passed");
            case FEEDBACK_ON_TIME_SHARE -> new Text("原始值 = 100 × 按时反馈的" + ok + "指令数 / 反馈时限在本期内且已到的指令数",
                    "raw = 100 × orders " + oe + " fed back by their feedback deadline / orders whose feedback deadline fell in "
                            + "the period and has passed");
            case ORDER_COMPLETION_SHARE -> new Text("原始值 = 100 × 本期下发且已反馈的" + ok + "指令数 / 本期下发的指令数",
                    "raw = 100 × orders " + oe + " issued in the period and fed back / orders issued in the period");
            case ORDER_COUNT_PER_GRID -> new Text("原始值 = 本期下发的" + ok + "指令数 / (警格数 × 月数)",
                    "raw = orders " + oe + " issued / (police grids × months)");
        };
    }

    private static String repeatZh(Computation c, String types) {
        return types + "警情中,同一" + MATCH_ZH.get(c.matchOn()) + c.windowDays() + "天内曾有" + typesZh(c.priorTypes()) + "警情"
                + (c.priorOrderKind() == null ? "" : "且其" + ORDER_ZH.get(c.priorOrderKind()) + "指令已在本次报警前反馈") + "的起数";
    }

    private static String repeatEn(Computation c, String types) {
        return "incidents of " + types + " preceded within " + c.windowDays() + " days by one of " + typesEn(c.priorTypes())
                + " with the same " + MATCH_EN.get(c.matchOn())
                + (c.priorOrderKind() == null ? "" : " whose " + c.priorOrderKind() + " order was fed back before the call");
    }

    /** 【刑事类、家庭纠纷】: whole categories by their name, the other types one by one. */
    static String typesZh(Set<IncidentType> types) {
        return "【" + String.join("、", group(types, cat -> CATEGORY_ZH.get(cat) + "类", TYPE_ZH::get)) + "】";
    }

    /** [all CRIMINAL, FAMILY_DISPUTE]. */
    static String typesEn(Set<IncidentType> types) {
        return "[" + String.join(", ", group(types, cat -> "all " + cat.name(), Enum::name)) + "]";
    }

    private static List<String> group(Set<IncidentType> types, Function<IncidentCategory, String> category,
                                      Function<IncidentType, String> type) {
        List<String> out = new ArrayList<>();
        Set<IncidentType> left = types.isEmpty() ? EnumSet.noneOf(IncidentType.class) : EnumSet.copyOf(types);
        for (IncidentCategory cat : IncidentCategory.values()) {
            Set<IncidentType> all = EnumSet.noneOf(IncidentType.class);
            for (IncidentType t : IncidentType.values()) {
                if (t.category() == cat) {
                    all.add(t);
                }
            }
            if (left.containsAll(all) && all.size() > 1) {
                out.add(category.apply(cat));
                left.removeAll(all);
            }
        }
        left.forEach(t -> out.add(type.apply(t)));
        return out;
    }

    private static <E extends Enum<E>> String names(Set<E> values, Class<E> type, Function<E, String> name, String sep) {
        Set<E> sorted = values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
        List<String> out = new ArrayList<>();
        sorted.forEach(v -> out.add(name.apply(v)));
        return String.join(sep, out);
    }

    /** For tests: every name a formula can use is there. */
    static Set<String> missingNames() {
        Set<String> out = new TreeSet<>();
        for (IncidentType t : IncidentType.values()) {
            if (!TYPE_ZH.containsKey(t)) {
                out.add(t.name());
            }
        }
        for (IncidentCategory t : IncidentCategory.values()) {
            if (!CATEGORY_ZH.containsKey(t)) {
                out.add(t.name());
            }
        }
        for (IncidentStatus t : IncidentStatus.values()) {
            if (!STATUS_ZH.containsKey(t)) {
                out.add(t.name());
            }
        }
        for (OrderKind t : OrderKind.values()) {
            if (!ORDER_ZH.containsKey(t)) {
                out.add(t.name());
            }
        }
        return out;
    }
}
