package org.commandroom.core.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.commandroom.core.incident.IncidentType;

/** The Chinese word lists under classpath {@code /demo/} (sources in {@code assets/demo/}). */
final class Vocabulary {

    final List<String> surnames = new ArrayList<>();
    final double[] surnameCumulative;
    final List<String> givenChars;
    final List<String> streets;
    final List<String> communities;
    final List<String> roads;
    final Map<IncidentType, List<String>> descriptions = new EnumMap<>(IncidentType.class);

    private Vocabulary() {
        List<Double> weights = new ArrayList<>();
        for (String line : lines("surnames.txt")) {
            String[] parts = line.split("\t");
            surnames.add(parts[0]);
            weights.add(parts.length > 1 ? Double.parseDouble(parts[1]) : 1.0);
        }
        surnameCumulative = new double[weights.size()];
        double sum = 0;
        for (int i = 0; i < weights.size(); i++) {
            sum += weights.get(i);
            surnameCumulative[i] = sum;
        }
        givenChars = new ArrayList<>();
        for (String line : lines("given_chars.txt")) {
            for (String c : line.split("\\s+")) {
                if (!c.isEmpty()) {
                    givenChars.add(c);
                }
            }
        }
        streets = lines("streets.txt");
        communities = lines("communities.txt");
        roads = lines("roads.txt");
        for (String line : lines("descriptions.txt")) {
            String[] parts = line.split("\t", 2);
            descriptions.computeIfAbsent(IncidentType.valueOf(parts[0]), t -> new ArrayList<>()).add(parts[1]);
        }
        for (IncidentType t : IncidentType.values()) {
            if (!descriptions.containsKey(t)) {
                throw new IllegalStateException("no description for incident type " + t + " in /demo/descriptions.txt");
            }
        }
    }

    static Vocabulary load() {
        return new Vocabulary();
    }

    String personName(RandomGenerator rnd) {
        double x = rnd.nextDouble() * surnameCumulative[surnameCumulative.length - 1];
        int i = 0;
        while (surnameCumulative[i] < x) {
            i++;
        }
        StringBuilder sb = new StringBuilder(surnames.get(i));
        sb.append(givenChars.get(rnd.nextInt(givenChars.size())));
        if (rnd.nextDouble() < 0.7) {
            sb.append(givenChars.get(rnd.nextInt(givenChars.size())));
        }
        return sb.toString();
    }

    String description(IncidentType type, RandomGenerator rnd) {
        List<String> list = descriptions.get(type);
        return list.get(rnd.nextInt(list.size()));
    }

    /** The i-th community name stem, made unique with 一/二/三... once the list is exhausted. */
    String communityStem(int i) {
        String stem = communities.get(i % communities.size());
        int round = i / communities.size();
        return round == 0 ? stem : stem + "二三四五六七八九".charAt((round - 1) % 8);
    }

    private static List<String> lines(String file) {
        String resource = "/demo/" + file;
        try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    line = line.strip();
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        out.add(line);
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
