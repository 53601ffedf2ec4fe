package org.commandroom.core.cap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.stax.StAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.commandroom.core.cap.CapInvalid.Kind;
import org.commandroom.core.cap.CapInvalid.Problem;
import org.commandroom.core.xml.SafeXml;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The OASIS CAP 1.2 schema as a validator, when its file is bundled at {@value #RESOURCE} (docs/CAP.md says where it
 * comes from and why it may be absent). The schema is compiled and documents are validated with secure processing on
 * and no external DTD or schema fetched ({@link XMLConstants#ACCESS_EXTERNAL_DTD},
 * {@link XMLConstants#ACCESS_EXTERNAL_SCHEMA} empty): an {@code xsi:schemaLocation} in a document is never followed.
 * The document is fed through {@link SafeXml}'s reader, so the same limits hold. Built once; {@link #validate} is
 * thread-safe (a validator per call).
 */
public final class CapSchema {

    /** Where the official schema is looked for on the class path. */
    public static final String RESOURCE = "cap/CAP-v1.2.xsd";

    private static final CapSchema NONE = new CapSchema(null, "none");

    private final Schema schema;
    private final String source;

    private CapSchema(Schema schema, String source) {
        this.schema = schema;
        this.source = source;
    }

    /** The bundled official schema, or {@link #none()} when it is not bundled. */
    public static CapSchema load() {
        URL url = CapSchema.class.getClassLoader().getResource(RESOURCE);
        if (url == null) {
            return NONE;
        }
        try (InputStream in = url.openStream()) {
            return new CapSchema(compile(in, url.toExternalForm()), url.toExternalForm());
        } catch (IOException e) {
            throw new IllegalStateException("the bundled CAP schema could not be read", e);
        }
    }

    /** A schema from a file given by the caller (an administrator's copy, a test's). */
    public static CapSchema of(InputStream xsd, String systemId) {
        return new CapSchema(compile(xsd, systemId), systemId);
    }

    /** No schema: only the reader's own checks of CAP 1.2 apply. */
    public static CapSchema none() {
        return NONE;
    }

    /** Whether a schema validates documents. */
    public boolean present() {
        return schema != null;
    }

    /** Where the schema came from, or "none". */
    public String source() {
        return source;
    }

    private static Schema compile(InputStream xsd, String systemId) {
        try {
            SchemaFactory f = SchemaFactory.newDefaultInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newSchema(new StreamSource(xsd, systemId));
        } catch (SAXException e) {
            throw new IllegalStateException("the CAP schema " + systemId + " does not compile", e);
        }
    }

    /** Each problem against the schema, in document order; empty when valid or when no schema is bundled. */
    public List<Problem> validate(byte[] document) {
        if (schema == null) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        try {
            Validator v = schema.newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not make a document invalid
                }

                @Override
                public void error(SAXParseException e) {
                    add(e);
                }

                @Override
                public void fatalError(SAXParseException e) {
                    add(e);
                }

                private void add(SAXParseException e) {
                    if (problems.size() < 100) {
                        problems.add(new Problem("/", Math.max(0, e.getLineNumber()), Kind.SCHEMA,
                                e.getMessage() == null ? "against the schema" : e.getMessage()));
                    }
                }
            });
            v.validate(new StAXSource(SafeXml.reader(new ByteArrayInputStream(document).readAllBytes())));
        } catch (XMLStreamException e) {
            problems.add(new Problem("/", SafeXml.line(e), Kind.NOT_XML, SafeXml.reason(e)));
        } catch (SAXException | IOException | RuntimeException e) {
            if (problems.isEmpty()) {
                problems.add(new Problem("/", 0, Kind.SCHEMA, "the document could not be checked against the schema"));
            }
        }
        return problems;
    }
}
