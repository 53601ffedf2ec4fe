package org.commandroom.core.dispatch.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder the console connects through, so a test decides when the console may reach
 * a broker that has just come back (after the test's terminal has subscribed). While closed it hangs up
 * on every new connection; connections already open are forwarded until either end closes.
 */
final class GatedProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;

    GatedProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "gated-proxy-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    String serverUri() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    void setOpen(boolean open) {
        this.open = open;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket in = server.accept();
                if (!open) {
                    in.close();
                    continue;
                }
                Socket out;
                try {
                    out = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException e) {
                    in.close();
                    continue;
                }
                sockets.add(in);
                sockets.add(out);
                pump(in, out);
                pump(out, in);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream i = from.getInputStream(); OutputStream o = to.getOutputStream()) {
                int n;
                while ((n = i.read(buf)) >= 0) {
                    o.write(buf, 0, n);
                    o.flush();
                }
            } catch (IOException e) {
                // one end went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "gated-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(GatedProxy::closeQuietly);
    }
}
