package org.commandroom.core.prevention.tasks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One standard task of the library (标准件, seed 004): its code, title in Chinese and English, the department that
 * leads it, its basis (依据), measures (措施), standard of completion (办结标准), time limit, and the items its feedback
 * must answer. A retired task ({@code active} false) stays in the library for the orders that name it but is not
 * offered for issuing.
 */
public record LibraryTask(String code, String titleZh, String titleEn, String leadDepartment, String basis,
                          String measures, String completion, int timeLimitHours, List<String> feedbackItems,
                          boolean active) {

    /** The longest time limit a task may have: 90 days. */
    public static final int MAX_HOURS = 2160;
    /** At most this many feedback items, each at most {@link #MAX_ITEM_LENGTH} characters. */
    public static final int MAX_ITEMS = 20;
    public static final int MAX_ITEM_LENGTH = 40;

    public LibraryTask {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(titleZh, "titleZh");
        titleEn = titleEn == null || titleEn.isBlank() ? titleZh : titleEn;
        feedbackItems = List.copyOf(feedbackItems);
        if (timeLimitHours < 1 || timeLimitHours > MAX_HOURS) {
            throw new IllegalArgumentException("standard task " + code + ": time limit " + timeLimitHours
                    + " h is outside 1.." + MAX_HOURS);
        }
    }

    public Duration timeLimit() {
        return Duration.ofHours(timeLimitHours);
    }

    /** The title in {@code locale}'s language (Chinese unless English is asked for). */
    public String title(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? titleEn : titleZh;
    }

    /** The time limit as the library writes it: {@code 3天} for whole days of more than a day, else {@code 36小时}. */
    public String timeLimitZh() {
        return timeLimitHours > 24 && timeLimitHours % 24 == 0 ? timeLimitHours / 24 + "天" : timeLimitHours + "小时";
    }

    /**
     * The task as the F4 form's standard-task list offers it: its Chinese title, lead department, basis, measures,
     * standard of completion and time limit (the order's text is Chinese, as the library's own orders are).
     */
    public org.commandroom.core.dispatch.StandardTask forOrderForm() {
        return new org.commandroom.core.dispatch.StandardTask(code, titleZh, leadDepartment, basis, measures, completion,
                timeLimit());
    }

    /** The items as one cell of the library's sheet: separated by {@code ；}. */
    public String itemsCell() {
        return String.join("；", feedbackItems);
    }
}
