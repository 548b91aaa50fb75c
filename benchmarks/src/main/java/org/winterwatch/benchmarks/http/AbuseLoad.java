package org.winterwatch.benchmarks.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Abuse of a running {@code serve}'s HTTP API, for a bounded time, from this machine only: a flood of requests with
 * wrong tokens, and half-open requests that send part of their headers and then nothing. Meanwhile health is polled.
 * Prints what the service answered, how long it kept the half-open connections, and whether health stayed 200.
 *
 * <pre>benchmarks/run org.winterwatch.benchmarks.http.AbuseLoad --port 8080 --seconds 45 --half-open 400</pre>
 */
public final class AbuseLoad {

    private AbuseLoad() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8080;
        int seconds = 45;
        int halfOpen = 400;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--half-open" -> halfOpen = Integer.parseInt(args[++i]);
                case "--help" -> {
                    System.out.println("AbuseLoad --port P (8080) --seconds S (45, at most 300) --half-open N (400, at most 2000)"
                            + "\n  floods wrong tokens and holds half-open requests against 127.0.0.1:P, polling health");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see --help");
            }
        }
        seconds = Math.min(seconds, 300);
        halfOpen = Math.min(halfOpen, 2000);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        InetAddress host = InetAddress.getLoopbackAddress(); // never anywhere else

        Map<Integer, AtomicInteger> floodAnswers = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> healthAnswers = new ConcurrentHashMap<>();
        AtomicLong healthWorstMs = new AtomicLong();
        int p = port;
        Thread flood = new Thread(() -> flood(host, p, end, floodAnswers), "abuse-flood");
        Thread health = new Thread(() -> pollHealth(host, p, end, healthAnswers, healthWorstMs), "abuse-health");
        flood.start();
        health.start();

        List<Socket> held = new ArrayList<>();
        long openedAt = System.nanoTime();
        for (int i = 0; i < halfOpen; i++) {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(host, port), 5_000);
            s.getOutputStream().write("GET /api/v1/alerts HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.setSoTimeout(200);
            held.add(s);
        }
        System.out.printf("half-open: %d connections opened in %d ms%n", held.size(), (System.nanoTime() - openedAt) / 1_000_000);
        Map<Integer, Integer> closedAfterS = new TreeMap<>();
        int stillOpen = held.size();
        while (System.nanoTime() < end && stillOpen > 0) {
            stillOpen = 0;
            for (Socket s : held) {
                if (s.isClosed()) {
                    continue;
                }
                if (closedByServer(s)) {
                    int after = (int) ((System.nanoTime() - openedAt) / 1_000_000_000L);
                    closedAfterS.merge(after, 1, Integer::sum);
                    s.close();
                } else {
                    stillOpen++;
                }
            }
        }
        for (Socket s : held) {
            s.close();
        }
        flood.join();
        health.join();
        System.out.printf("half-open: closed by the service after (s -> count) %s; still open at the end %d%n",
                closedAfterS, stillOpen);
        System.out.printf("wrong tokens: answers (status -> count) %s%n", new TreeMap<>(counts(floodAnswers)));
        System.out.printf("health: answers (status -> count) %s, slowest %d ms%n", new TreeMap<>(counts(healthAnswers)),
                healthWorstMs.get());
    }

    private static boolean closedByServer(Socket s) {
        try {
            InputStream in = s.getInputStream();
            in.read(); // end of stream, or the first byte of an answer (503) that ends the half-open request
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void flood(InetAddress host, int port, long end, Map<Integer, AtomicInteger> answers) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://" + host.getHostAddress() + ":" + port + "/api/v1/alerts");
        while (System.nanoTime() < end) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + UUID.randomUUID()).GET().build(), HttpResponse.BodyHandlers.discarding());
                answers.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
            } catch (IOException e) {
                answers.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pollHealth(InetAddress host, int port, long end, Map<Integer, AtomicInteger> answers, AtomicLong worstMs) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://" + host.getHostAddress() + ":" + port + "/api/v1/health");
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            int status;
            try {
                status = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            worstMs.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
            answers.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(500); // a poller's pace, not a wait for a result
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Map<Integer, Integer> counts(Map<Integer, AtomicInteger> m) {
        Map<Integer, Integer> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
