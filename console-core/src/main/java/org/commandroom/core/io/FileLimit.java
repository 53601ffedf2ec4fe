package org.commandroom.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.commandroom.core.text.Text;

/**
 * The largest file one importer reads, stated to the user before a file is chosen ({@link #stated()}: "最大 50 MB")
 * and checked against the file's size on disk before a byte of it is read ({@link #check}, {@link #read}), so that
 * an oversized file ends as a named refusal ({@link FileTooLarge}) and never as an OutOfMemoryError. Each importer
 * keeps its own (docs/INTAKE.md, "Size limits").
 */
public record FileLimit(long maxBytes) {

    private static final long MB = 1024L * 1024;

    public FileLimit {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("a limit of " + maxBytes + " bytes");
        }
    }

    /** A limit of {@code mb} megabytes (MiB). */
    public static FileLimit megabytes(long mb) {
        return new FileLimit(mb * MB);
    }

    /** The limit in whole megabytes, as it is stated. */
    public long megabytes() {
        return Math.max(1, maxBytes / MB);
    }

    /** "最大 50 MB" / "at most 50 MB": what a file chooser or an import window says before a file is chosen. */
    public Text stated() {
        return Text.of("core.file.limit", megabytes());
    }

    /**
     * Refuses {@code file} when it is larger than the limit, by its size on disk, without reading it.
     *
     * @throws FileTooLarge naming the file, its size and the limit
     * @throws UncheckedIOException when its size cannot be had (it is gone, say)
     */
    public void check(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size > maxBytes) {
            throw new FileTooLarge(file.getFileName() == null ? file.toString() : file.getFileName().toString(), size, this);
        }
    }

    /** Reads the whole of {@code file} after {@link #check}ing it (a file that grows meanwhile is read to the limit + 1). */
    public byte[] read(Path file) {
        check(file);
        try (var in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new FileTooLarge(file.getFileName().toString(), bytes.length, this);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
