package org.commandroom.core.field.receiver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on loopback that plays one recorded stream per connection, in order, then closes that connection;
 * the last stream's connection is held open (as a live receiver's is) until {@link #close}. Records the first line a
 * client sends (gpsd's WATCH).
 */
final class LogServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<byte[]> streams;
    private final AtomicInteger served = new AtomicInteger();
    final List<String> firstLines = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final boolean readFirstLine;
    private volatile Socket last;

    LogServer(List<byte[]> streams, boolean readFirstLine) throws IOException {
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.streams = streams;
        this.readFirstLine = readFirstLine;
        this.thread = new Thread(this::serve, "log-server");
        thread.setDaemon(true);
        thread.start();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = LogServer.class.getResourceAsStream("/receivers/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    int port() {
        return server.getLocalPort();
    }

    int served() {
        return served.get();
    }

    private void serve() {
        try {
            while (!server.isClosed()) {
                Socket s = server.accept();
                int n = served.getAndIncrement();
                if (readFirstLine) {
                    StringBuilder sb = new StringBuilder();
                    int c;
                    InputStream in = s.getInputStream();
                    while ((c = in.read()) >= 0 && c != '\n') {
                        sb.append((char) c);
                    }
                    firstLines.add(sb.toString());
                }
                OutputStream out = s.getOutputStream();
                out.write(streams.get(Math.min(n, streams.size() - 1)));
                out.flush();
                if (n < streams.size() - 1) {
                    s.close();
                } else {
                    last = s;
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket s = last;
        if (s != null) {
            s.close();
        }
    }
}
