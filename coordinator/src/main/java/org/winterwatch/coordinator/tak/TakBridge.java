package org.winterwatch.coordinator.tak;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.winterwatch.coordinator.app.Timers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.Dispatch;

/**
 * Sends team alerts as Cursor-on-Target events to a TAK endpoint ({@code udp://host:port} or
 * {@code tcp://host:port}, e.g. a TAK server's CoT input or an ATAK device). Best effort, off the alert path:
 * MQTT stays the channel of record; a TCP connection that breaks is opened again for the next event.
 */
public final class TakBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TakBridge.class);

    private final String scheme;
    private final InetSocketAddress target;
    private final Clock clock;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(Timers.daemons("ww-tak"));
    private DatagramSocket udp;
    private Socket tcp;

    public TakBridge(String url, Clock clock) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tak-url: '" + url + "' is not a URL such as udp://127.0.0.1:4242");
        }
        if (!("udp".equals(uri.getScheme()) || "tcp".equals(uri.getScheme())) || uri.getHost() == null || uri.getPort() < 1) {
            throw new IllegalArgumentException("tak-url: expected udp://HOST:PORT or tcp://HOST:PORT, got '" + url + "'");
        }
        this.scheme = uri.getScheme();
        this.target = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.clock = clock;
    }

    /** Queues the alert for sending when it is in front of a team (or closed); returns at once. */
    public void offer(Alert alert) {
        if (alert.dispatch() != Dispatch.TEAM) {
            return;
        }
        String xml = CotEvent.xml(alert, clock.instant());
        try {
            sender.execute(() -> send(xml));
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void send(String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        try {
            if ("udp".equals(scheme)) {
                if (udp == null) {
                    udp = new DatagramSocket();
                }
                udp.send(new DatagramPacket(bytes, bytes.length, target));
            } else {
                if (tcp == null || tcp.isClosed()) {
                    tcp = new Socket();
                    tcp.connect(target, 5_000);
                }
                OutputStream out = tcp.getOutputStream();
                out.write(bytes);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            LOG.warn("tak event not sent target={} reason={}", target, e.toString());
            closeTcp();
        }
    }

    private void closeTcp() {
        if (tcp != null) {
            try {
                tcp.close();
            } catch (IOException e) {
                // reopened on the next event
            }
            tcp = null;
        }
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeTcp();
        if (udp != null) {
            udp.close();
        }
    }
}
