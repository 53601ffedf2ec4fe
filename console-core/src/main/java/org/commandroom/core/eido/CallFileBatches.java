package org.commandroom.core.eido;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Cuts a feed of calls into batches of whole rows so that an import can stop between them: each batch is a text
 * {@link org.commandroom.core.intake.BulkIntake} reads as it reads a file (the CSV header, or a JSON array, around
 * the batch's rows, copied from the file as they are), with the shift that turns its line numbers into the file's.
 * A file that cannot be cut (not parseable as a whole) is not cut: it goes in one piece, and the bulk import says
 * what is wrong with it.
 */
final class CallFileBatches {

    /**
     * One batch.
     *
     * @param lineShift add to a line of {@code text} to get the line of the file
     * @param rows      how many rows (records, array elements) it holds
     * @param firstLine the file line its first row starts on
     */
    record Batch(String text, int lineShift, int rows, int firstLine) {
    }

    private CallFileBatches() {
    }

    /** The batches of a CSV text (byte-order mark removed), or empty when it is not to be cut. */
    static Optional<List<Batch>> csv(String body, int size) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<Integer> starts = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            for (CSVRecord r : parser) {
                starts.add((int) r.getCharacterPosition());
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (starts.isEmpty()) {
            return Optional.empty();
        }
        String header = body.substring(0, starts.get(0));
        int headerLines = lines(header, 0, header.length());
        List<Batch> out = new ArrayList<>();
        int counted = 0;
        int breaks = 0;
        for (int i = 0; i < starts.size(); i += size) {
            int from = starts.get(i);
            int to = i + size < starts.size() ? starts.get(i + size) : body.length();
            breaks += lines(body, counted, from);
            counted = from;
            int firstLine = 1 + breaks;
            out.add(new Batch(header + body.substring(from, to), firstLine - (headerLines + 1),
                    Math.min(size, starts.size() - i), firstLine));
        }
        return Optional.of(out);
    }

    /** The batches of a JSON feed (an array, or an object with an "incidents" array), or empty. */
    static Optional<List<Batch>> json(String text, int size) {
        List<int[]> spans = new ArrayList<>();
        try (JsonParser p = new ObjectMapper().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME && !"incidents".equals(p.currentName())) {
                    p.nextToken();
                    p.skipChildren();
                }
                t = t == JsonToken.FIELD_NAME ? p.nextToken() : t;
            }
            if (t != JsonToken.START_ARRAY) {
                return Optional.empty();
            }
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    return Optional.empty();
                }
                int start = (int) p.currentTokenLocation().getCharOffset();
                p.skipChildren();
                spans.add(new int[] {start, (int) p.currentLocation().getCharOffset()});
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (spans.isEmpty()) {
            return Optional.empty();
        }
        List<Batch> out = new ArrayList<>();
        int counted = 0;
        int breaks = 0;
        for (int i = 0; i < spans.size(); i += size) {
            int last = Math.min(i + size, spans.size()) - 1;
            int from = spans.get(i)[0];
            breaks += lines(text, counted, from);
            counted = from;
            int firstLine = 1 + breaks;
            out.add(new Batch("[" + text.substring(from, spans.get(last)[1]) + "]", firstLine - 1, last - i + 1, firstLine));
        }
        return Optional.of(out);
    }

    /** Line breaks in {@code s} from {@code start} to before {@code end}. */
    private static int lines(String s, int start, int end) {
        int n = 0;
        for (int i = start; i < end; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
