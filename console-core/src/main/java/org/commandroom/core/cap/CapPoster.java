package org.commandroom.core.cap;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs an alert's XML to the configured endpoint ({@link CapEndpoint}) with the endpoint's content type, retrying
 * what may pass (no connection, no answer in time, 408, 429 and 5xx) up to its attempts with a pause that doubles, and
 * not what will not (any other 4xx). Blocking for up to attempts × timeout plus the pauses: call it off the FX thread
 * (the desk uses its long-I/O executor). Never built for a drill ({@link CapService} refuses it on Exercise).
 */
public final class CapPoster {

    private static final Logger LOG = LoggerFactory.getLogger(CapPoster.class);

    private final CapEndpoint endpoint;
    private final Clock clock;
    private final HttpClient client;

    public CapPoster(CapEndpoint endpoint, Clock clock) {
        this.endpoint = endpoint;
        this.clock = clock;
        // No redirects followed: an alert goes where it was configured to go, or fails saying so.
        this.client = HttpClient.newBuilder().connectTimeout(endpoint.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public CapEndpoint endpoint() {
        return endpoint;
    }

    /** Posts {@code xml} (the alert {@code identifier}, for the log); interrupted, it stops and says so as a failure. */
    public CapDelivery post(String identifier, byte[] xml) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.url())
                .timeout(endpoint.timeout())
                .header("Content-Type", endpoint.contentType() + "; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(xml))
                .build();
        CapDelivery.Failure failure = CapDelivery.Failure.ERROR;
        int status = 0;
        int attempt = 0;
        long pause = endpoint.retryPause().toMillis();
        while (attempt < endpoint.attempts()) {
            attempt++;
            try {
                HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                status = r.statusCode();
                if (status / 100 == 2) {
                    LOG.info("CAP {} posted to {}: HTTP {} (attempt {})", identifier, endpoint.shown(), status, attempt);
                    return new CapDelivery(CapDelivery.State.DELIVERED, null, attempt, status, endpoint.shown(),
                            clock.instant());
                }
                failure = CapDelivery.Failure.HTTP_STATUS;
                LOG.warn("CAP {} to {}: HTTP {} (attempt {})", identifier, endpoint.shown(), status, attempt);
                if (!(status >= 500 || status == 408 || status == 429)) {
                    break;
                }
            } catch (HttpConnectTimeoutException e) {
                failure = CapDelivery.Failure.UNREACHABLE;
                status = 0;
                LOG.warn("CAP {} to {}: no connection in time (attempt {})", identifier, endpoint.shown(), attempt);
            } catch (HttpTimeoutException e) {
                failure = CapDelivery.Failure.TIMEOUT;
                status = 0;
                LOG.warn("CAP {} to {}: no answer in time (attempt {})", identifier, endpoint.shown(), attempt);
            } catch (ConnectException | UnknownHostException | UnresolvedAddressException e) {
                failure = CapDelivery.Failure.UNREACHABLE;
                status = 0;
                LOG.warn("CAP {} to {}: no connection (attempt {}): {}", identifier, endpoint.shown(), attempt, e.toString());
            } catch (IOException e) {
                failure = unreachable(e) ? CapDelivery.Failure.UNREACHABLE : CapDelivery.Failure.ERROR;
                status = 0;
                LOG.warn("CAP {} to {} failed (attempt {})", identifier, endpoint.shown(), attempt, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (attempt < endpoint.attempts() && pause > 0) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                pause *= 2;
            }
        }
        return new CapDelivery(CapDelivery.State.FAILED, failure, attempt, status, endpoint.shown(), clock.instant());
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }
}
