package org.commandroom.app.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.commandroom.core.job.JobProgress;

/**
 * A report written next to its final name and moved into place, so that a failure or a cancel never leaves half a
 * report (nor the temporary file). Shared by the index report and the drill's after-action report.
 */
final class ReportFile {

    /** What writes the report's bytes. */
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    private ReportFile() {
    }

    /**
     * Writes {@code file} through a temporary file named {@code prefix}…{@code .pdf.part} in the same directory; after
     * the body, and before the move, a cancel asked for on {@code progress} stops it (JobCancelled, no file).
     */
    static void write(Path file, String prefix, JobProgress progress, Body body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + file + ": " + dir + " is not a directory");
        }
        Path tmp = Files.createTempFile(dir, prefix, ".pdf.part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            progress.checkpoint();
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
