package org.commandroom.core.xml;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * XML from outside (a video platform's catalogue, an alert from another agency) read with nothing that a
 * hostile document could turn against the console: no DTD (so no entity of its own, hence no billion laughs),
 * no external entity or schema fetched (so no file read and no connection made: XXE), at most
 * {@link #MAX_DEPTH} levels of elements and {@value #MAX_TEXT} characters of text in one element. The JDK's own
 * StAX parser is used ({@link XMLInputFactory#newDefaultFactory()}), whatever else is on the class path.
 */
public final class SafeXml {

    /** Deepest element nesting accepted: the formats read here need fewer than ten levels. */
    public static final int MAX_DEPTH = 32;
    /** Longest text accepted in one element. */
    public static final int MAX_TEXT = 10_000;

    private SafeXml() {
    }

    /** A factory with DTDs, external entities and entity replacement off. */
    public static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("an external resource (" + systemId + ") is not fetched");
        });
        return f;
    }

    /**
     * A reader over {@code bytes} (the encoding from the XML declaration, e.g. GB2312) that refuses a DOCTYPE,
     * nesting deeper than {@link #MAX_DEPTH} and text longer than {@link #MAX_TEXT}, each as an
     * {@link XMLStreamException} whose message says so and whose location is the line.
     */
    public static XMLStreamReader reader(byte[] bytes) throws XMLStreamException {
        return guarded(factory().createXMLStreamReader(new ByteArrayInputStream(bytes)));
    }

    /** As {@link #reader(byte[])} over text already decoded (the declaration's encoding is then not used). */
    public static XMLStreamReader reader(String text) throws XMLStreamException {
        return guarded(factory().createXMLStreamReader(new java.io.StringReader(text)));
    }

    private static XMLStreamReader guarded(XMLStreamReader raw) {
        return new StreamReaderDelegate(raw) {
            private int depth;

            @Override
            public int next() throws XMLStreamException {
                int event = super.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new XMLStreamException(
                            "a document type declaration (DOCTYPE) is not accepted", getLocation());
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                            "an entity reference (&" + getLocalName() + ";) is not accepted", getLocation());
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++depth > MAX_DEPTH) {
                            throw new XMLStreamException("elements are nested deeper than " + MAX_DEPTH + " levels",
                                    getLocation());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (getTextLength() > MAX_TEXT) {
                            throw new XMLStreamException("a text is longer than " + MAX_TEXT + " characters", getLocation());
                        }
                    }
                    default -> {
                    }
                }
                return event;
            }
        };
    }

    /** The line of a parser error, or 0. */
    public static int line(XMLStreamException e) {
        return e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
    }

    /** A parser error's own message without the JDK's "ParseError at [row,col]:" prefix. */
    public static String reason(XMLStreamException e) {
        String m = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + "Message: ".length()) : m).strip();
    }
}
