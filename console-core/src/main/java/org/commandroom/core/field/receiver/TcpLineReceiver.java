package org.commandroom.core.field.receiver;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP stream of text lines from a receiver, on its own thread: connects, reads lines of bounded length, and when
 * the stream drops (closed, refused, silent for {@link Options#idleTimeout()}) connects again after a back-off that
 * doubles from {@link Options#initialBackoff()} to {@link Options#maxBackoff()} and starts again after a connection
 * that delivered data. A line longer than {@link Options#maxLineBytes()} is dropped whole (read and discarded up to
 * its end), so a hostile or broken stream cannot grow memory. Never throws to its caller; {@link #close} ends it.
 */
public abstract class TcpLineReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpLineReceiver.class);

    /** Connection behaviour (docs/RECEIVERS.md lists the settings). */
    public record Options(Duration connectTimeout, Duration idleTimeout, Duration initialBackoff, Duration maxBackoff,
                          int maxLineBytes) {
        public Options {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            if (maxLineBytes < 16) {
                throw new IllegalArgumentException("maxLineBytes too small: " + maxLineBytes);
            }
        }

        public Options withMaxLineBytes(int bytes) {
            return new Options(connectTimeout, idleTimeout, initialBackoff, maxBackoff, bytes);
        }
    }

    protected final String host;
    protected final int port;
    protected final Options options;
    protected final Clock clock;
    protected final Consumer<ReceiverFix> sink;
    protected final ReceiverStats stats = new ReceiverStats();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    private volatile Socket socket;

    protected TcpLineReceiver(String threadName, String host, int port, Options options, Clock clock,
                              Consumer<ReceiverFix> sink) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.thread = new Thread(this::runLoop, threadName);
        this.thread.setDaemon(true);
    }

    /** Starts the connection thread. */
    public void start() {
        thread.start();
    }

    /** The endpoint as written in the settings: {@code host:port}. */
    public String endpoint() {
        return host + ":" + port;
    }

    public ReceiverStats stats() {
        return stats;
    }

    /** Called after each connect, before reading (gpsd sends its WATCH here). */
    protected void onConnected(OutputStream out) throws IOException {
    }

    /** One line, without its line end, decoded as ISO-8859-1 (NMEA is ASCII; gpsd's JSON is ASCII-escaped). */
    protected abstract void onLine(String line);

    /** What this receiver is, for log lines. */
    protected abstract String describe();

    private void runLoop() {
        Duration backoff = options.initialBackoff();
        boolean outageLogged = false;
        while (closed.getCount() > 0) {
            boolean gotData = false;
            boolean connected = false;
            try (Socket s = new Socket()) {
                socket = s;
                if (closed.getCount() == 0) {
                    break;
                }
                s.connect(new InetSocketAddress(host, port), (int) options.connectTimeout().toMillis());
                s.setSoTimeout((int) options.idleTimeout().toMillis());
                connected = true;
                stats.connects.incrementAndGet();
                LOG.info("{}: connected to {}", describe(), endpoint());
                outageLogged = false;
                onConnected(s.getOutputStream());
                gotData = readLines(new BufferedInputStream(s.getInputStream(), 8192));
                if (closed.getCount() > 0) {
                    stats.drops.incrementAndGet();
                    LOG.warn("{}: {} closed the stream; connecting again", describe(), endpoint());
                }
            } catch (IOException | RuntimeException e) {
                if (closed.getCount() == 0) {
                    break;
                }
                stats.drops.incrementAndGet();
                if (connected && e instanceof SocketTimeoutException) {
                    LOG.warn("{}: nothing from {} for {} s; connecting again", describe(), endpoint(),
                            options.idleTimeout().toSeconds());
                    gotData = true;
                } else if (connected) {
                    LOG.warn("{}: the stream from {} broke ({}); connecting again", describe(), endpoint(), e.toString());
                    gotData = true;
                } else if (!outageLogged) {
                    outageLogged = true;
                    LOG.warn("{}: cannot connect to {} ({}); trying again with back-off up to {} s", describe(),
                            endpoint(), e.toString(), options.maxBackoff().toSeconds());
                } else {
                    LOG.debug("{}: still cannot reach {}: {}", describe(), endpoint(), e.toString());
                }
            } finally {
                socket = null;
            }
            if (gotData) {
                backoff = options.initialBackoff();
            }
            try {
                if (closed.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : doubled;
        }
        LOG.info("{}: stopped ({})", describe(), stats);
    }

    /** Reads lines until the stream ends; true if any byte came. */
    private boolean readLines(InputStream in) throws IOException {
        byte[] buf = new byte[options.maxLineBytes()];
        int len = 0;
        boolean overflow = false;
        boolean any = false;
        int b;
        while ((b = in.read()) >= 0) {
            any = true;
            if (b == '\n') {
                if (overflow) {
                    stats.oversize.incrementAndGet();
                    overflow = false;
                } else {
                    int end = len > 0 && buf[len - 1] == '\r' ? len - 1 : len;
                    stats.lines.incrementAndGet();
                    try {
                        onLine(new String(buf, 0, end, StandardCharsets.ISO_8859_1));
                    } catch (RuntimeException e) {
                        stats.malformed.incrementAndGet();
                        LOG.debug("{}: line not read: {}", describe(), e.toString());
                    }
                }
                len = 0;
            } else if (!overflow) {
                if (len == buf.length) {
                    overflow = true;
                    len = 0;
                    if (stats.oversize.get() == 0) {
                        LOG.warn("{}: a line from {} is longer than {} bytes; dropped (and every such line)",
                                describe(), endpoint(), options.maxLineBytes());
                    }
                } else {
                    buf[len++] = (byte) b;
                }
            }
        }
        return any;
    }

    /** Ends the connection and the thread (waits up to 5 s for it). */
    @Override
    public void close() {
        closed.countDown();
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("{}: closing the socket: {}", describe(), e.toString());
            }
        }
        if (thread.isAlive() && Thread.currentThread() != thread) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
