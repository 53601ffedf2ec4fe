package org.commandroom.core.field.receiver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gpsd daemon (its JSON protocol, TCP 2947 by default) with one or more receivers behind it. Sends
 * {@code ?WATCH={"enable":true,"json":true}} and reads TPV reports: {@code mode} 2 (2D) or 3 (3D) with {@code time},
 * {@code lat} and {@code lon} is a fix; {@code speed} (m/s), {@code track} (degrees) and the larger of
 * {@code epx}/{@code epy} (metres, gpsd's 95 % error estimates per axis) go with it. Other classes (VERSION,
 * DEVICES, WATCH, SKY, …) are ignored. Each fix is named by the device that produced it: the receiver key is
 * {@code host:port} followed by the device path (e.g. {@code 127.0.0.1:2947/dev/ttyUSB0}).
 */
public final class GpsdReceiver extends TcpLineReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(GpsdReceiver.class);
    /** gpsd's longest reports (SKY with many satellites) are a few kilobytes. */
    public static final int MAX_LINE = 64 * 1024;
    static final byte[] WATCH = "?WATCH={\"enable\":true,\"json\":true}\n".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> wrongDateLogged = new HashSet<>();
    private boolean malformedLogged;

    public GpsdReceiver(String host, int port, Options options, Clock clock, Consumer<ReceiverFix> sink) {
        super("receiver-gpsd-" + host + ":" + port, host, port, options.withMaxLineBytes(MAX_LINE), clock, sink);
    }

    /** The receiver key of a device behind this gpsd. */
    public String keyOf(String devicePath) {
        return endpoint() + (devicePath == null ? "" : devicePath);
    }

    @Override
    protected String describe() {
        return "gpsd " + endpoint();
    }

    @Override
    protected void onConnected(OutputStream out) throws IOException {
        out.write(WATCH);
        out.flush();
    }

    @Override
    protected void onLine(String line) {
        if (line.isBlank()) {
            stats.ignored.incrementAndGet();
            return;
        }
        JsonNode n;
        try {
            n = json.readTree(line);
        } catch (JsonProcessingException e) {
            malformed(line);
            return;
        }
        if (n == null || !n.isObject() || !"TPV".equals(n.path("class").asText())) {
            stats.ignored.incrementAndGet();
            return;
        }
        int mode = n.path("mode").asInt(0);
        if (mode < 2 || !n.path("lat").isNumber() || !n.path("lon").isNumber() || !n.path("time").isTextual()) {
            stats.noFix.incrementAndGet();
            return;
        }
        double lat = n.path("lat").asDouble();
        double lon = n.path("lon").asDouble();
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            malformed(line);
            return;
        }
        Instant time;
        try {
            time = Instant.parse(n.path("time").asText());
        } catch (DateTimeParseException e) {
            malformed(line);
            return;
        }
        String device = n.path("device").isTextual() ? n.path("device").asText() : null;
        String key = keyOf(device);
        Instant now = clock.instant();
        Optional<ReceiverTime.Resolved> at = ReceiverTime.resolve(time, now);
        if (at.isEmpty()) {
            stats.rejectedTime.incrementAndGet();
            LOG.warn("{}: fix of {} at {} is ahead of the console's clock ({}); rejected", describe(), key, time, now);
            return;
        }
        if (at.get().redated()) {
            stats.redated.incrementAndGet();
            if (wrongDateLogged.size() < 64 && wrongDateLogged.add(key)) {
                LOG.warn("{}: {} reports the date {} (console: {}); its time of day is used with the console's date",
                        describe(), key, time, now);
            }
        }
        Double speed = number(n, "speed");
        Double track = number(n, "track");
        Double epx = number(n, "epx");
        Double epy = number(n, "epy");
        Double accuracy;
        if (epx == null || epy == null) {
            accuracy = epx == null ? epy : epx;
        } else {
            accuracy = Double.valueOf(Math.max(epx, epy));
        }
        stats.fixes.incrementAndGet();
        sink.accept(new ReceiverFix(ReceiverKind.GPSD, key, lat, lon, at.get().at(), speed, track, accuracy));
    }

    private void malformed(String line) {
        stats.malformed.incrementAndGet();
        if (!malformedLogged) {
            malformedLogged = true;
            LOG.warn("{}: a report that cannot be read was dropped (and every such report): {}", describe(),
                    line.length() > 120 ? line.substring(0, 120) + "…" : line);
        }
    }

    private static Double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() && Double.isFinite(v.asDouble()) ? v.asDouble() : null;
    }
}
