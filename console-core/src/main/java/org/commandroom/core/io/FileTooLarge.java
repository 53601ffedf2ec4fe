package org.commandroom.core.io;

import org.commandroom.core.text.Text;

/** A file refused before it was read because it is larger than its importer reads ({@link FileLimit}). */
public final class FileTooLarge extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final long size;
    private final transient FileLimit limit;

    public FileTooLarge(String fileName, long size, FileLimit limit) {
        super(text(fileName, size, limit).english());
        this.fileName = fileName;
        this.size = size;
        this.limit = limit;
    }

    private static Text text(String fileName, long size, FileLimit limit) {
        return Text.of("core.file.tooLarge", fileName, sizeInMb(size), limit.megabytes());
    }

    /** Its size in megabytes with one decimal, so that a file just over the limit does not read as the limit. */
    private static String sizeInMb(long size) {
        return String.format(java.util.Locale.ROOT, "%.1f", size / (1024.0 * 1024.0));
    }

    /** What the user is told: the file by name, its size and the limit; nothing was read. */
    public Text text() {
        return text(fileName, size, limit);
    }

    public String fileName() {
        return fileName;
    }

    public long size() {
        return size;
    }

    public FileLimit limit() {
        return limit;
    }
}
