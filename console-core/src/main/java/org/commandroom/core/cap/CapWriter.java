package org.commandroom.core.cap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link CapAlert} as CAP 1.2 XML (UTF-8), elements in the order the OASIS schema requires, indented two
 * spaces. What it writes, {@link CapReader} reads back to an equal alert.
 */
public final class CapWriter {

    private CapWriter() {
    }

    public static byte[] write(CapAlert alert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.setDefaultNamespace(CapAlert.NAMESPACE);
            w.writeStartElement(CapAlert.NAMESPACE, "alert");
            w.writeDefaultNamespace(CapAlert.NAMESPACE);
            leaf(w, 1, "identifier", alert.identifier());
            leaf(w, 1, "sender", alert.sender());
            leaf(w, 1, "sent", CapTimes.format(alert.sent()));
            leaf(w, 1, "status", alert.status().name());
            leaf(w, 1, "msgType", alert.msgType().name());
            leaf(w, 1, "scope", alert.scope().name());
            leaf(w, 1, "restriction", alert.restriction());
            leaf(w, 1, "addresses", alert.addresses());
            leaf(w, 1, "note", alert.note());
            if (!alert.references().isEmpty()) {
                leaf(w, 1, "references", alert.references().stream()
                        .map(r -> r.sender() + "," + r.identifier() + "," + CapTimes.format(r.sent()))
                        .collect(Collectors.joining(" ")));
            }
            for (CapInfo i : alert.infos()) {
                info(w, i);
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the CAP alert could not be written", e);
        }
        return out.toByteArray();
    }

    /** As {@link #write} as text. */
    public static String writeString(CapAlert alert) {
        return new String(write(alert), StandardCharsets.UTF_8);
    }

    private static void info(XMLStreamWriter w, CapInfo i) throws XMLStreamException {
        open(w, 1, "info");
        leaf(w, 2, "language", i.language());
        for (CapInfo.Category c : i.categories()) {
            leaf(w, 2, "category", c.name());
        }
        leaf(w, 2, "event", i.event());
        leaf(w, 2, "urgency", i.urgency().name());
        leaf(w, 2, "severity", i.severity().name());
        leaf(w, 2, "certainty", i.certainty().name());
        leaf(w, 2, "expires", i.expires() == null ? null : CapTimes.format(i.expires()));
        leaf(w, 2, "headline", i.headline());
        leaf(w, 2, "description", i.description());
        leaf(w, 2, "instruction", i.instruction());
        for (CapArea a : i.areas()) {
            open(w, 2, "area");
            leaf(w, 3, "areaDesc", a.areaDesc());
            for (var ring : a.polygons()) {
                leaf(w, 3, "polygon", ring.stream().map(p -> coord(p.lat()) + "," + coord(p.lon()))
                        .collect(Collectors.joining(" ")));
            }
            for (CapArea.Circle c : a.circles()) {
                leaf(w, 3, "circle", coord(c.centre().lat()) + "," + coord(c.centre().lon()) + " "
                        + number(c.radiusKm()));
            }
            close(w, 2);
        }
        close(w, 1);
    }

    /** A coordinate as CAP writes it: plain decimal, at most 6 places (about 0.1 m). */
    static String coord(double v) {
        return number(Math.round(v * 1e6) / 1e6);
    }

    private static String number(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static void open(XMLStreamWriter w, int depth, String name) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
        w.writeStartElement(CapAlert.NAMESPACE, name);
    }

    private static void close(XMLStreamWriter w, int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
        w.writeEndElement();
    }

    private static void leaf(XMLStreamWriter w, int depth, String name, String text) throws XMLStreamException {
        if (text == null) {
            return;
        }
        open(w, depth, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
