package org.commandroom.core.cap;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One {@code <info>} block of a CAP alert, in one language.
 *
 * @param language   RFC 3066 tag, e.g. {@code zh-CN} or {@code en}; CAP's default is en-US
 * @param categories at least one
 * @param expires    null when the block does not say
 */
public record CapInfo(String language, List<Category> categories, String event, Urgency urgency, Severity severity,
                      Certainty certainty, String headline, String description, String instruction,
                      OffsetDateTime expires, List<CapArea> areas) {

    public CapInfo {
        Objects.requireNonNull(language, "language");
        categories = List.copyOf(categories);
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(certainty, "certainty");
        areas = List.copyOf(areas);
    }

    /** CAP's {@code <category>}. */
    public enum Category { Geo, Met, Safety, Security, Rescue, Fire, Health, Env, Transport, Infra, CBRNE, Other }

    /** CAP's {@code <urgency>}. */
    public enum Urgency { Immediate, Expected, Future, Past, Unknown }

    /** CAP's {@code <severity>}. */
    public enum Severity { Extreme, Severe, Moderate, Minor, Unknown }

    /** CAP's {@code <certainty>}. */
    public enum Certainty { Observed, Likely, Possible, Unlikely, Unknown }
}
