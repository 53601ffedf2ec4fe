package org.commandroom.core.history;

import java.util.List;
import java.util.Locale;

/**
 * A field of an incident that a column of a history file can fill, with the header names (English and Chinese) by
 * which {@link HistoryMapping#propose} recognises the column. Required fields must be mapped before an import.
 */
public enum HistoryField {
    EXTERNAL_ID(true, false, "id", "incident number", "incident no", "incident id", "call number", "call no", "call id",
            "event number", "event id", "cad number", "master incident number", "item", "警情编号", "接警编号", "警情号",
            "事件编号", "编号", "单号"),
    RECEIVED_AT(true, true, "received", "received date time", "call received", "time received", "call date time",
            "event time", "eventtime", "create", "created", "incident start time", "call time", "报警时间", "接警时间",
            "受理时间", "来电时间"),
    TYPE(true, false, "call type", "type", "incident type", "nature", "problem", "event type", "typetext", "category",
            "description", "call type description", "警情类别", "警情类型", "报警类别", "类别", "类型", "案由"),
    PRIORITY(false, false, "priority", "priority number", "call priority", "final priority", "priority level", "警情级别",
            "级别", "优先级", "紧急程度", "等级"),
    ADDRESS(true, false, "address", "location", "block address", "incident address", "street", "地址", "发生地址",
            "事发地址", "案发地址", "报警地址", "地点"),
    LAT(false, false, "lat", "latitude", "y", "纬度"),
    LON(false, false, "lon", "lng", "long", "longitude", "x", "经度"),
    CALLER(false, false, "caller", "caller number", "caller phone", "phone", "telephone", "报警人电话", "报警电话",
            "联系电话", "主叫号码", "来电号码"),
    STATION(false, false, "station", "precinct", "police district", "station area", "district", "派出所", "管辖单位",
            "所属派出所", "辖区"),
    GRID(false, false, "grid", "beat", "sector", "zone", "police grid", "网格", "警务网格", "责任区"),
    STATUS(false, false, "status", "disposition", "final disposition", "call final disposition", "状态", "处警状态",
            "警情状态", "处理结果"),
    DISPATCHED_AT(false, true, "dispatch", "dispatched", "dispatch date time", "time dispatch", "派警时间", "派单时间",
            "调度时间", "下达时间"),
    EN_ROUTE_AT(false, true, "en route", "enroute", "response", "出警时间", "出发时间"),
    ON_SCENE_AT(false, true, "on scene", "onscene", "arrive", "arrived", "arrival", "time arrive", "到场时间",
            "到达时间", "到达现场时间"),
    CLEARED_AT(false, true, "cleared", "clear", "closed", "time closed", "available", "结束时间", "结案时间",
            "处警结束时间", "完成时间", "办结时间"),
    UNIT(false, false, "unit", "unit id", "call sign", "callsign", "primary unit", "出警车辆", "呼号", "处警警组", "警组"),
    NARRATIVE(false, false, "narrative", "remarks", "comments", "notes", "details", "summary", "简要警情", "警情内容",
            "报警内容", "案情", "备注");

    private final boolean required;
    private final boolean time;
    private final List<String> names;

    HistoryField(boolean required, boolean time, String... names) {
        this.required = required;
        this.time = time;
        this.names = List.of(names);
    }

    /** Must be mapped onto a column before anything is imported. */
    public boolean required() {
        return required;
    }

    /** Holds a date and time ({@link TimeFormat}). */
    public boolean time() {
        return time;
    }

    /** The header names the proposal recognises. */
    public List<String> names() {
        return names;
    }

    /** The key of the field in a mapping's text and in the bundles ({@code received_at}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The field of a key ({@link #key()} or the constant's name), or null. */
    public static HistoryField ofKey(String key) {
        for (HistoryField f : values()) {
            if (f.key().equalsIgnoreCase(key.strip())) {
                return f;
            }
        }
        return null;
    }
}
