package org.commandroom.core.dispatch.push;

import java.util.Optional;

/**
 * The MQTT topic scheme (docs/PUSH.md): {@code console/{bureau}/unit/{callSign}/orders} carries orders to
 * a unit's terminal, {@code console/{bureau}/unit/{callSign}/ack} carries its sign-for and feedback back.
 * A level may not contain {@code / + #}; those (and {@code %}) are percent-encoded in bureau codes and
 * call-signs, so any call-sign maps to exactly one topic level and back.
 */
public final class PushTopics {

    public static final String ROOT = "console";
    public static final String ORDERS = "orders";
    public static final String ACK = "ack";

    private PushTopics() {
    }

    public static String orders(String bureauCode, String callSign) {
        return ROOT + "/" + encode(bureauCode) + "/unit/" + encode(callSign) + "/" + ORDERS;
    }

    public static String ack(String bureauCode, String callSign) {
        return ROOT + "/" + encode(bureauCode) + "/unit/" + encode(callSign) + "/" + ACK;
    }

    /**
     * The console's subscription: every unit's uplink in its own bureau. A console never listens to another bureau
     * (two bureaus may share a broker), so a wildcard bureau is refused.
     */
    public static String ackFilter(String bureauCode) {
        if (bureauCode == null || bureauCode.isBlank() || "+".equals(bureauCode) || "#".equals(bureauCode)) {
            throw new IllegalArgumentException("the console listens to its own bureau only, not to " + bureauCode);
        }
        return ROOT + "/" + encode(bureauCode) + "/unit/+/" + ACK;
    }

    /** The bureau and unit of a terminal's uplink topic ({@code console/{bureau}/unit/{callSign}/ack}), decoded. */
    public record Uplink(String bureauCode, String callSign) {
    }

    /** The bureau and call-sign of an uplink topic, or empty if the topic is not one. */
    public static Optional<Uplink> uplink(String topic) {
        String[] levels = topic.split("/", -1);
        if (levels.length != 5 || !ROOT.equals(levels[0]) || !"unit".equals(levels[2]) || !ACK.equals(levels[4])
                || levels[1].isEmpty() || levels[3].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Uplink(decode(levels[1]), decode(levels[3])));
    }

    /** The subscription for every unit's orders in a bureau ({@code "+"} for every bureau): simulated terminals. */
    public static String ordersFilter(String bureauCodeOrPlus) {
        String b = "+".equals(bureauCodeOrPlus) ? "+" : encode(bureauCodeOrPlus);
        return ROOT + "/" + b + "/unit/+/" + ORDERS;
    }

    /** The ack topic of the unit an orders topic is for, or empty if the topic is not an orders topic. */
    public static Optional<String> ackOfOrders(String ordersTopic) {
        String[] levels = ordersTopic.split("/", -1);
        if (levels.length != 5 || !ROOT.equals(levels[0]) || !"unit".equals(levels[2]) || !ORDERS.equals(levels[4])
                || levels[3].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ROOT + "/" + levels[1] + "/unit/" + levels[3] + "/" + ACK);
    }

    /** The call-sign in an orders topic, or empty if the topic is not one. */
    public static Optional<String> callSignOfOrders(String topic) {
        String[] levels = topic.split("/", -1);
        if (levels.length != 5 || !ROOT.equals(levels[0]) || !"unit".equals(levels[2]) || !ORDERS.equals(levels[4])
                || levels[3].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(decode(levels[3]));
    }

    /** The call-sign in an ack topic, or empty if the topic is not one. */
    public static Optional<String> callSignOfAck(String topic) {
        String[] levels = topic.split("/", -1);
        if (levels.length != 5 || !ROOT.equals(levels[0]) || !"unit".equals(levels[2]) || !ACK.equals(levels[4])
                || levels[3].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(decode(levels[3]));
    }

    static String encode(String level) {
        StringBuilder b = new StringBuilder(level.length());
        for (int i = 0; i < level.length(); i++) {
            char c = level.charAt(i);
            switch (c) {
                case '%' -> b.append("%25");
                case '/' -> b.append("%2F");
                case '+' -> b.append("%2B");
                case '#' -> b.append("%23");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String decode(String level) {
        return level.replace("%2F", "/").replace("%2B", "+").replace("%23", "#").replace("%25", "%");
    }
}
