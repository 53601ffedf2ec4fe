package org.commandroom.core.cap;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The workstation's CAP settings (docs/CAP.md), from {@value #FILE} in the data directory when it exists:
 * {@code cap.in.folder} (other agencies' alerts, default {@code cap/in}), {@code cap.out.folder} (ours, default
 * {@code cap/out}; {@code none} to store without writing), {@code cap.sender} (CAP's sender, default
 * {@code command@<domain>}), {@code cap.idPrefix} (start of identifiers, default the domain) and
 * {@code cap.poll.seconds} (how often the inbox is read, 10 to 3600, default 60). Relative folders are under the
 * data directory.
 */
public record CapFolders(Path in, Path out, String sender, String idPrefix, Duration pollEvery) {

    public static final String FILE = "cap.properties";

    /**
     * @param domain the console's agency domain (used when the file does not say)
     * @throws IllegalArgumentException naming the key whose value is wrong
     */
    public static CapFolders load(Path dataDir, String domain) throws IOException {
        Properties p = new Properties();
        Path file = dataDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        Path in = dataDir.resolve(p.getProperty("cap.in.folder", "cap/in").strip());
        String outText = p.getProperty("cap.out.folder", "cap/out").strip();
        Path out = outText.equalsIgnoreCase("none") ? null : dataDir.resolve(outText);
        String sender = p.getProperty("cap.sender", "command@" + domain).strip();
        String prefix = p.getProperty("cap.idPrefix", domain).strip();
        for (String[] kv : new String[][] {{"cap.sender", sender}, {"cap.idPrefix", prefix}}) {
            if (kv[1].isEmpty() || kv[1].length() > 100 || kv[1].chars().anyMatch(c -> c <= ' ' || c == ',' || c == '<' || c == '&')) {
                throw new IllegalArgumentException(FILE + ": " + kv[0] + " must be 1-100 characters without spaces, "
                        + "commas, '<' or '&'");
            }
        }
        String seconds = p.getProperty("cap.poll.seconds", "60").strip();
        if (!seconds.matches("\\d{2,4}") || Integer.parseInt(seconds) < 10 || Integer.parseInt(seconds) > 3600) {
            throw new IllegalArgumentException(FILE + ": cap.poll.seconds must be 10 to 3600");
        }
        return new CapFolders(in, out, sender, prefix, Duration.ofSeconds(Integer.parseInt(seconds)));
    }
}
