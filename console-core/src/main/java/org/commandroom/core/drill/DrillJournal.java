package org.commandroom.core.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the instructor does during a drill, kept in the drill's folder ({@value #FILE}) as it is done: every note and
 * every injected event or made-up call is one line, written and forced to disk before the action returns, so a crash
 * of the console loses none of them; the after-action report reads them back from here.
 *
 * <p>A line is {@code kind TAB instant TAB who-or-id TAB text}; a tab, a line break or a backslash in a field is
 * written as {@code \t}, {@code \n}, {@code \\}. A last line cut short by a crash (no line break) is ignored.
 */
public final class DrillJournal {

    /** The journal's file in the drill's folder. */
    public static final String FILE = "journal.tsv";

    /**
     * What a line records: the instructor's NOTE, INJECT and CALL in {@value #FILE}; the drill's recording for the replay
     * ({@link DrillReplay#FILE}) has EVENT (a played event: {@code kind:eventId} and its text) and POSITION (a unit's
     * call sign, or {@code @eventId} for an event's place, and {@code lat,lon}) and RANK (an event's id and every unit
     * where it stood then, the available ones ranked by travel time: what a drill cut short needs to be scored,
     * {@link DrillSession#resume}).
     */
    public enum Kind { NOTE, INJECT, CALL, EVENT, POSITION, RANK }

    /** One line: a note (who wrote it), an injected event or an instructor's call (its event id), and the text. */
    public record Line(Kind kind, Instant at, String key, String text) {
    }

    private final Path file;

    public DrillJournal(Path drillDir) {
        this(drillDir, FILE);
    }

    /** A journal of the same form in another file of the drill's folder (the replay's recording). */
    public DrillJournal(Path drillDir, String fileName) {
        this.file = drillDir.resolve(fileName);
    }

    public Path file() {
        return file;
    }

    /** Appends one line and forces it to disk. */
    public synchronized void append(Kind kind, Instant at, String key, String text) {
        appendAll(List.of(new Line(kind, at, key, text)));
    }

    /** Appends lines and forces them to disk once (a tick's events together). Nothing for none. */
    public synchronized void appendAll(List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder all = new StringBuilder();
        for (Line l : lines) {
            all.append(l.kind().name()).append('\t').append(l.at()).append('\t').append(escape(l.key())).append('\t')
                    .append(escape(l.text())).append('\n');
        }
        String line = all.toString();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer b = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("the drill journal " + file + " could not be written", e);
        }
    }

    /** Every complete line, oldest first; none when there is no journal. */
    public synchronized List<Line> read() {
        return read(file);
    }

    /** The journal of a drill's folder, read without the drill (after a crash, or from the history). */
    public static List<Line> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        String all;
        try {
            all = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the drill journal " + file + " could not be read", e);
        }
        List<Line> out = new ArrayList<>();
        int from = 0;
        for (int nl = all.indexOf('\n'); nl >= 0; from = nl + 1, nl = all.indexOf('\n', from)) {
            String[] f = all.substring(from, nl).split("\t", -1);
            if (f.length != 4) {
                continue;
            }
            try {
                out.add(new Line(Kind.valueOf(f[0]), Instant.parse(f[1]), unescape(f[2]), unescape(f[3])));
            } catch (RuntimeException badLine) {
                // a line this version cannot read is skipped, the others kept
            }
        }
        return out;
    }

    /** The notes among the lines, oldest first. */
    public static List<DrillNote> notes(List<Line> lines) {
        return lines.stream().filter(l -> l.kind() == Kind.NOTE).map(l -> new DrillNote(l.at(), l.key(), l.text())).toList();
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
