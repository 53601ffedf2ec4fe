package org.commandroom.core.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A standard basic task (标准件, seed 004: a bureau keeps about 117 of them): what it is, which department
 * leads it, on what basis, the measures and the standard to meet, and the time limit for feedback.
 */
public record StandardTask(String code, String name, String leadDepartment, String basis, String measures,
                           String standard, Duration timeLimit) {

    public StandardTask {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("standard task " + code + ": the time limit must be positive");
        }
    }

    /** An order's summary holds at most this many characters. */
    public static final int MAX_SUMMARY = 500;

    /**
     * The order text: name, then lead department, basis, measures and standard; cut to {@link #MAX_SUMMARY} characters
     * (a bureau's own task may have a long basis and measures; the form lets the commander shorten it).
     */
    public String summary() {
        String s = name + "｜牵头：" + leadDepartment + "｜依据：" + basis + "｜措施：" + measures + "｜标准：" + standard;
        return s.length() <= MAX_SUMMARY ? s : s.substring(0, MAX_SUMMARY - 1) + "…";
    }

    /**
     * A few examples, for a form built without the bureau's library (the desk offers the library's active tasks,
     * {@code LibraryTask.forOrderForm()}).
     */
    public static List<StandardTask> examples() {
        return List.of(
                new StandardTask("BZJ-001", "出租屋安全检查", "社区警务队", "流动人口居住登记规定", "上门核查登记、消防隐患排查",
                        "每月一次，问题当场登记", Duration.ofHours(24)),
                new StandardTask("BZJ-002", "自住房走访", "社区警务队", "社区警务工作规范", "入户走访、宣传防范",
                        "每半年一次", Duration.ofHours(72)),
                new StandardTask("BZJ-003", "建筑工地检查", "社区警务队", "治安管理处罚法", "核查务工人员、治安隐患",
                        "每周一次", Duration.ofHours(24)),
                new StandardTask("BZJ-010", "反诈宣传进社区", "社区警务队", "反电信网络诈骗法", "张贴宣传、入户讲解",
                        "覆盖辖区全部小区", Duration.ofHours(48)));
    }
}
