package org.commandroom.core.cap;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One OASIS CAP 1.2 alert message, as far as this console writes and reads it (docs/CAP.md has the mapping). Times
 * keep the offset they were sent with (CAP forbids "Z" and fractions of a second). Elements of CAP this model does not
 * carry (source, code, incidents, responseType, parameter, resource, geocode, ...) are skipped on reading and named in
 * {@link CapReader.Result#skipped()}.
 *
 * @param restriction required when {@code scope} is Restricted, else null
 * @param addresses   required when {@code scope} is Private, else null
 * @param note        free text, or null
 * @param references  the earlier messages an Update, Cancel, Ack or Error refers to (empty for an Alert)
 */
public record CapAlert(String identifier, String sender, OffsetDateTime sent, Status status, MsgType msgType,
                       Scope scope, String restriction, String addresses, String note, List<Reference> references,
                       List<CapInfo> infos) {

    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

    public CapAlert {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(msgType, "msgType");
        Objects.requireNonNull(scope, "scope");
        references = List.copyOf(references);
        infos = List.copyOf(infos);
    }

    /** The latest expiry of its info blocks, or null when one of them never expires (or there is none). */
    public OffsetDateTime expires() {
        OffsetDateTime latest = null;
        for (CapInfo i : infos) {
            if (i.expires() == null) {
                return null;
            }
            latest = latest == null || i.expires().isAfter(latest) ? i.expires() : latest;
        }
        return latest;
    }

    /** The info block in {@code language} (e.g. zh-CN), else the first, else null. */
    public CapInfo info(String language) {
        return infos.stream().filter(i -> language.equalsIgnoreCase(i.language())).findFirst()
                .orElse(infos.isEmpty() ? null : infos.get(0));
    }

    /** CAP's {@code <status>}. */
    public enum Status { Actual, Exercise, System, Test, Draft }

    /** CAP's {@code <msgType>}. */
    public enum MsgType { Alert, Update, Cancel, Ack, Error }

    /** CAP's {@code <scope>}. */
    public enum Scope { Public, Restricted, Private }

    /** One entry of CAP's {@code <references>}: "sender,identifier,sent". */
    public record Reference(String sender, String identifier, OffsetDateTime sent) {
        public Reference {
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(identifier, "identifier");
            Objects.requireNonNull(sent, "sent");
        }

        /** The reference to {@code alert}. */
        public static Reference to(CapAlert alert) {
            return new Reference(alert.sender(), alert.identifier(), alert.sent());
        }
    }
}
