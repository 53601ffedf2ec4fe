package org.commandroom.core.eido;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commandroom.core.text.Text;

/**
 * NENA's published EIDO schema (resources {@code eido/openapi.yaml}, see {@code eido/SOURCE.md}) as a
 * validator: the networknt JSON Schema validator in its OpenAPI 3.0 dialect, rooted at
 * {@code #/components/schemas/EmergencyIncidentDataObjectType}, with format assertions (date-time, uri)
 * on. Built once; thread-safe.
 */
public final class EidoSchema {

    static final String LOCATION = "classpath:eido/openapi.yaml#/components/schemas/EmergencyIncidentDataObjectType";

    /** One thing wrong with a document: where (a JSON path such as {@code $.incidentComponent}) and why. */
    public record Problem(String path, String message, Text text) {

        /** A problem said only in English (a schema validator's message). */
        public Problem(String path, String message) {
            this(path, message, null);
        }

        /** A problem said in either language; {@link #message()} is its English. */
        public Problem(String path, Text text) {
            this(path, text.english(), text);
        }

        /** Why, in {@code locale}'s language where it has one, else in English. */
        public String message(Locale locale) {
            return text == null ? message : text.in(locale);
        }

        /** Its path and why, in {@code locale}'s language; the path stays as it is in the document. */
        public String in(Locale locale) {
            return path + ": " + message(locale);
        }

        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    private final JsonSchema schema;

    private EidoSchema(JsonSchema schema) {
        this.schema = schema;
    }

    public static EidoSchema load() {
        // The OpenAPI document's own top-level keys are not schema keywords: declared so, they are not warned about.
        JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi30.getInstance())
                .keywords(List.of(new NonValidationKeyword("openapi"), new NonValidationKeyword("info"),
                        new NonValidationKeyword("servers"), new NonValidationKeyword("paths"),
                        new NonValidationKeyword("components")))
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, b -> b
                .metaSchema(dialect)
                .defaultMetaSchemaIri(dialect.getIri())
                // NENA's file refers to 'NIEMComponents//j.yaml': a doubled slash that a directory forgives but a
                // jar does not (the packaged console would fail every EIDO). Collapse it; the file stays unchanged.
                .schemaMappers(m -> m.mappings(EidoSchema::collapseSlashes)));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .build();
        JsonSchema s = factory.getSchema(SchemaLocation.of(LOCATION), config);
        s.initializeValidators();
        return new EidoSchema(s);
    }

    /** A classpath location with a doubled slash in its path, collapsed; null (no mapping) for any other. */
    static String collapseSlashes(String iri) {
        String prefix = "classpath:";
        if (iri == null || !iri.startsWith(prefix) || !iri.substring(prefix.length()).contains("//")) {
            return null;
        }
        return prefix + iri.substring(prefix.length()).replaceAll("/{2,}", "/");
    }

    /** Every problem with the document, ordered by path; empty when it is a valid EIDO. */
    public List<Problem> validate(JsonNode document) {
        return sorted(schema.validate(document));
    }

    /** As {@link #validate(JsonNode)} for JSON text. */
    public List<Problem> validate(String json) {
        return sorted(schema.validate(json, InputFormat.JSON));
    }

    private static List<Problem> sorted(Set<ValidationMessage> messages) {
        return messages.stream()
                .map(m -> {
                    String path = m.getInstanceLocation().toString();
                    String text = m.getMessage();
                    return new Problem(path, text.startsWith(path + ": ") ? text.substring(path.length() + 2) : text);
                })
                .sorted(Comparator.comparing(Problem::path).thenComparing((Problem p) -> p.message()))
                .distinct()
                .toList();
    }
}
