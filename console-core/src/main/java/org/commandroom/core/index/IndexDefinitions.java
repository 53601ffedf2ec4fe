package org.commandroom.core.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the definition in force. A bureau edits its definition file and reloads it without a rebuild;
 * a file that fails the checks is rejected with the reader's message and the last good definition
 * stays in force.
 */
public final class IndexDefinitions {

    /** The product's default definition, on the classpath. */
    public static final String DEFAULT_RESOURCE = "/index/prevention-index.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(IndexDefinitions.class);

    /** What a reload did: the definition now in force, and the problem if the new file was rejected. */
    public record LoadResult(boolean accepted, String problem, IndexDefinition inForce) {
    }

    private final DefinitionReader reader = new DefinitionReader();
    private final AtomicReference<IndexDefinition> current;

    public IndexDefinitions(IndexDefinition initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    /** A holder with the product's default definition in force. */
    public static IndexDefinitions withDefault() {
        return new IndexDefinitions(readDefault());
    }

    /** The product's default definition (a failure here is a build error, so it throws). */
    public static IndexDefinition readDefault() {
        try (InputStream in = IndexDefinitions.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return new DefinitionReader().read(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    public IndexDefinition current() {
        return current.get();
    }

    /** Reads a bureau's definition file; in force if it passes every check, otherwise the old one stays. */
    public LoadResult reload(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return reload(in, file.toString());
        } catch (IOException e) {
            String problem = "cannot read " + file + ": " + e.getMessage();
            LOG.warn("Prevention index definition not reloaded: {}", problem);
            return new LoadResult(false, problem, current());
        }
    }

    /** As {@link #reload(Path)}, from a stream named {@code name} in the log. */
    public LoadResult reload(InputStream in, String name) {
        try {
            IndexDefinition d = reader.read(in);
            current.set(d);
            LOG.info("Prevention index definition {} version {} in force ({} indicators)", name, d.version(), d.indicators().size());
            return new LoadResult(true, null, d);
        } catch (DefinitionException e) {
            LOG.warn("Prevention index definition {} rejected, version {} stays in force: {}", name, current().version(), e.getMessage());
            return new LoadResult(false, e.getMessage(), current());
        }
    }
}
