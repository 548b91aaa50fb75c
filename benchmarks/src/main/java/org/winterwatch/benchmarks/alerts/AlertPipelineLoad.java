package org.winterwatch.benchmarks.alerts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.coordinator.app.Coordinator;
import org.winterwatch.coordinator.app.CoordinatorSettings;
import org.winterwatch.coordinator.http.AccessTokens;
import org.winterwatch.coordinator.http.HttpSettings;
import org.winterwatch.geo.layer.SiteLayers;

/**
 * Load harness for the alert pipeline (issue 5). In one run, on the same broker:
 * <ol>
 * <li>WinterWatch: detections published at a target rate through the broker into the coordinator (its database,
 * outbox and relay), and the time from each detection's publish to the first alert version naming it;</li>
 * <li>raw broker: QoS 1 publish to subscribe throughput and latency, as fast as the publishers go;</li>
 * <li>optionally the raw relay (see {@link #relay}).</li>
 * </ol>
 * Usage: {@code benchmarks/run org.winterwatch.benchmarks.alerts.AlertPipelineLoad [--mqtt-url tcp://127.0.0.1:1883]
 * [--db-url JDBC] [--rate 5000] [--seconds 20] [--places 500] [--warmup 5] [--raw-seconds 20] [--raw-bytes 180]
 * [--relay-bytes 1400] [--relay-rate 0]}. The first {@code --warmup} seconds of
 * detections are sent at the same rate but not measured (class loading, JIT compilation, first database pages).
 */
public final class AlertPipelineLoad {

    private static final int PUBLISHERS = 4;
    private static final int WINDOW = 20;

    private static final String USAGE = """
            Usage: benchmarks/run org.winterwatch.benchmarks.alerts.AlertPipelineLoad [options]
              --mqtt-url URL      broker to measure (tcp://127.0.0.1:1883)
              --db-url JDBC       the coordinator's database (embedded H2 in a temporary folder)
              --rate R            detections per second offered (5000)
              --seconds S         seconds measured (20)
              --warmup W          seconds sent the same way first, not measured (5)
              --places P          distinct places the detections go round (500)
              --raw-seconds S     seconds of the raw broker baseline, 0 for none (as --seconds)
              --raw-bytes N       message size of the raw baseline (180: a detection; 1400: an alert)
              --relay-bytes N     also run the raw relay: 180 bytes in, N bytes out per message (off)
              --relay-rate R      pace the relay's publishers at R/s (0: as fast as their windows allow)
            """;

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(USAGE);
            return;
        }
        String mqttUrl = arg(args, "--mqtt-url", "tcp://127.0.0.1:1883");
        String dbUrl = arg(args, "--db-url", null);
        int rate = Integer.parseInt(arg(args, "--rate", "5000"));
        int seconds = Integer.parseInt(arg(args, "--seconds", "20"));
        int places = Integer.parseInt(arg(args, "--places", "500"));
        int warmup = Integer.parseInt(arg(args, "--warmup", "5"));
        System.out.printf("machine: %d cores, Java %s; broker %s; database %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), mqttUrl, dbUrl == null ? "embedded H2" : dbUrl.replaceAll("password=[^&]*", "password=***"));
        int rawSeconds = Integer.parseInt(arg(args, "--raw-seconds", String.valueOf(seconds)));
        int rawBytes = Integer.parseInt(arg(args, "--raw-bytes", "180"));
        int relayBytes = Integer.parseInt(arg(args, "--relay-bytes", "0"));
        // WinterWatch first: the baselines flood the broker, and a broker that has just queued seconds of messages
        // for a slow subscriber was measured to add to the next run's tail
        pipeline(mqttUrl, dbUrl, rate, seconds, places, warmup);
        if (rawSeconds > 0) {
            raw(mqttUrl, rawSeconds, rawBytes);
        }
        if (rawSeconds > 0 && relayBytes > 0) {
            relay(mqttUrl, rawSeconds, relayBytes, Integer.parseInt(arg(args, "--relay-rate", "0")));
        }
        System.exit(0);
    }

    /** Raw broker: publishers as fast as their windows allow; a subscriber measures publish-to-delivery. */
    static void raw(String mqttUrl, int seconds, int bytes) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LatencyRecorder latency = new LatencyRecorder();
        MqttAsyncClient sub = subscriber(mqttUrl, "bench/raw/" + run + "/#", (topic, payload) -> {
            long sent = Long.parseLong(payload.substring(0, payload.indexOf(' ')));
            latency.record((System.nanoTime() - sent) / 1000);
        });
        List<LoadPublisher> pubs = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            pubs.add(new LoadPublisher(mqttUrl, WINDOW));
        }
        String padding = "x".repeat(bytes); // 180: about the size of a detection; 1300: of an alert
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        long n = 0;
        while (System.nanoTime() < end) {
            pubs.get((int) (n++ % PUBLISHERS)).publish("bench/raw/" + run + "/" + (n % 100), System.nanoTime() + " " + padding);
        }
        long published = n;
        waitUntil(() -> latency.count() >= published, Duration.ofSeconds(30));
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("raw broker, %d-byte messages: %d messages in %.1f s = %.0f msg/s delivered; publish->subscribe %s%n",
                bytes, latency.count(), elapsed, latency.count() / elapsed, latency.summary());
        for (LoadPublisher p : pubs) {
            p.close();
        }
        sub.disconnect().waitForCompletion(5_000);
        sub.close(true);
    }

    /**
     * Raw relay, the pipeline's traffic without its work: publishers send detection-sized messages as fast as their
     * windows allow; a relay client takes each from its MQTT thread through a queue to a sending thread (as the
     * coordinator does) and publishes one message of {@code outBytes} for it (an alert's size); a subscriber measures
     * publish-to-delivery of those. This is what broker and clients alone carry on this machine for one alert message
     * per detection, with no parsing, folding or database. With a {@code rate} above 0 the publishers are paced at it,
     * as the pipeline's are.
     */
    static void relay(String mqttUrl, int seconds, int outBytes, int rate) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LatencyRecorder latency = new LatencyRecorder();
        MqttAsyncClient sub = subscriber(mqttUrl, "bench/relay/" + run + "/out/#", (topic, payload) -> {
            long sent = Long.parseLong(payload.substring(0, payload.indexOf(' ')));
            latency.record((System.nanoTime() - sent) / 1000);
        });
        BlockingQueue<String> handOver = new ArrayBlockingQueue<>(20_000);
        LoadPublisher out = new LoadPublisher(mqttUrl, 1000);
        String padding = "x".repeat(outBytes);
        Thread sender = new Thread(() -> {
            try {
                for (long n = 0; ; n++) {
                    String in = handOver.take();
                    out.publish("bench/relay/" + run + "/out/" + (n % 100), in.substring(0, in.indexOf(' ') + 1) + padding);
                }
            } catch (Exception e) {
                // interrupted at the end of the run
            }
        }, "relay-sender");
        sender.setDaemon(true);
        sender.start();
        MqttAsyncClient relayIn = subscriber(mqttUrl, "bench/relay/" + run + "/in/#", (topic, payload) -> {
            try {
                handOver.put(payload);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<LoadPublisher> pubs = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            pubs.add(new LoadPublisher(mqttUrl, WINDOW));
        }
        String inPadding = "x".repeat(180);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        long n = 0;
        long intervalNanos = rate > 0 ? 1_000_000_000L / rate : 0;
        while (System.nanoTime() < end) {
            waitForTurn(start + n * intervalNanos);
            pubs.get((int) (n++ % PUBLISHERS)).publish("bench/relay/" + run + "/in/" + (n % 100), System.nanoTime() + " " + inPadding);
        }
        long published = n;
        waitUntil(() -> latency.count() >= published, Duration.ofSeconds(60));
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("raw relay, 180 bytes in, %d bytes out, %s: %d of %d messages relayed in %.1f s = %.0f msg/s; "
                        + "publish->relayed delivery %s%n", outBytes, rate > 0 ? "paced at " + rate + "/s" : "as fast as the windows allow", latency.count(), published, elapsed,
                latency.count() / elapsed, latency.summary());
        sender.interrupt();
        for (LoadPublisher p : pubs) {
            p.close();
        }
        out.close();
        for (MqttAsyncClient c : List.of(relayIn, sub)) {
            c.disconnect().waitForCompletion(5_000);
            c.close(true);
        }
    }

    /** Detections at a paced rate into a running coordinator; latency to the first alert version that names each. */
    static void pipeline(String mqttUrl, String dbUrl, int rate, int seconds, int places, int warmup) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path dir = Files.createTempDirectory("ww-load");
        Database db = dbUrl == null ? Database.embedded(dir) : Database.of(dbUrl, null, null);
        Coordinator coordinator = Coordinator.start(new CoordinatorSettings(mqttUrl, "ww/v1", "ww-load-" + run, db,
                SiteLayers.demoLayer(), List.of(), Clock.systemUTC(), AlertPolicy.defaults(),
                new HttpSettings("127.0.0.1", 0, new AccessTokens()), -15, Duration.ofHours(6), List.of()));
        long warm = (long) rate * warmup;
        long total = warm + (long) rate * seconds;
        LatencyRecorder latency = new LatencyRecorder();
        LatencyRecorder warmupLatency = new LatencyRecorder();
        LatencyRecorder[] perSecond = new LatencyRecorder[warmup + seconds];
        for (int i = 0; i < perSecond.length; i++) {
            perSecond[i] = new LatencyRecorder();
        }
        AtomicLong arrived = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong();
        // Only the team subscriber's callback thread touches this: which detection numbers have reached an alert.
        BitSet seen = new BitSet((int) total);
        String marker = "\"" + run + "-";
        MqttAsyncClient team = subscriber(mqttUrl, "ww/v1/alerts/#", (topic, payload) -> {
            long now = System.nanoTime();
            int at = payload.indexOf("\"detectionIds\":[");
            int close = payload.indexOf(']', at);
            // ids are "<run>-<n>-<nanoTime at publish>"; read them in place rather than splitting the message
            for (int i = payload.indexOf(marker, at); i >= 0 && i < close; i = payload.indexOf(marker, i + 1)) {
                int from = i + marker.length();
                int dash = payload.indexOf('-', from);
                int end = payload.indexOf('"', dash);
                int n = Integer.parseInt(payload, from, dash, 10);
                if (!seen.get(n)) {
                    seen.set(n);
                    arrived.incrementAndGet();
                    lastArrival.set(now);
                    // the same code runs during warm-up (into recorders thrown away), so that the JIT does not
                    // recompile the subscriber just as measuring begins
                    long micros = (now - Long.parseLong(payload, dash + 1, end, 10)) / 1000;
                    boolean measured = n >= warm;
                    (measured ? latency : warmupLatency).record(micros);
                    perSecond[(int) Math.min(perSecond.length - 1, n / rate)].record(micros);
                }
            }
        });
        List<LoadPublisher> pubs = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            pubs.add(new LoadPublisher(mqttUrl, WINDOW));
        }
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        long measureStart = start + warm * intervalNanos;
        for (long n = 0; n < total; n++) {
            waitForTurn(start + n * intervalNanos);
            int place = (int) (n % places);
            double lat = 40.0 + (place / 40) * 0.003;
            double lon = 113.0 + (place % 40) * 0.004;
            String source = "load-" + (place % 64);
            String id = run + "-" + n + "-" + System.nanoTime();
            String json = "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"kind\":\"thermal\",\"lat\":" + lat
                    + ",\"lon\":" + lon + ",\"observedAt\":\"" + Instant.now() + "\",\"confidence\":0.9}";
            pubs.get((int) (n % PUBLISHERS)).publish("ww/v1/detections/" + source, json);
        }
        double sendSeconds = (System.nanoTime() - measureStart) / 1e9;
        waitUntil(() -> arrived.get() >= total, Duration.ofSeconds(60));
        double elapsed = (lastArrival.get() - measureStart) / 1e9;
        long measured = total - warm;
        StringBuilder seconds99 = new StringBuilder();
        for (int i = 0; i < perSecond.length; i++) {
            seconds99.append(i == 0 ? "" : i == warmup ? " | " : " ")
                    .append(String.format("%.0f", perSecond[i].percentile(0.99) / 1000.0));
        }
        System.out.printf("winterwatch: offered %d detections/s for %d s after %d s of warm-up (sent in %.1f s); %d of %d "
                        + "reached an alert, the last %.1f s after measuring began = %.0f detections/s; detection->alert %s%n"
                        + "winterwatch: p99 per second of sending, ms (warm-up | measured): %s%n", rate, seconds, warmup, sendSeconds,
                latency.count(), measured, elapsed, latency.count() / elapsed, latency.summary(), seconds99);
        if (arrived.get() < total) {
            System.out.printf("winterwatch: %d detections never reached an alert within 60 s%n", total - arrived.get());
        }
        for (LoadPublisher p : pubs) {
            p.close();
        }
        team.disconnect().waitForCompletion(5_000);
        team.close(true);
        coordinator.close();
        endSession(mqttUrl, "ww-load-" + run);
    }

    /**
     * The coordinator keeps its broker session for a day so that nothing is lost across a restart; a finished run's
     * session would make the broker queue every later run's detections for nobody. End it.
     */
    private static void endSession(String url, String clientId) throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        MqttConnectionOptions o = LoadPublisher.options(url);
        o.setCleanStart(true);
        o.setSessionExpiryInterval(0L);
        c.connect(o).waitForCompletion(10_000);
        c.disconnect().waitForCompletion(5_000);
        c.close(true);
    }

    interface Handler {
        void on(String topic, String payload);
    }

    static MqttAsyncClient subscriber(String url, String filter, Handler handler) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, "load-sub-" + UUID.randomUUID(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override public void messageArrived(String topic, MqttMessage m) {
                try {
                    handler.on(topic, new String(m.getPayload(), StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    // a message of another run
                }
            }
            @Override public void disconnected(MqttDisconnectResponse r) { }
            @Override public void mqttErrorOccurred(MqttException e) { }
            @Override public void deliveryComplete(IMqttToken t) { }
            @Override public void connectComplete(boolean reconnect, String uri) { }
            @Override public void authPacketArrived(int code, MqttProperties p) { }
        });
        client.connect(LoadPublisher.options(url)).waitForCompletion(10_000);
        client.subscribe(filter, 1).waitForCompletion(10_000);
        return client;
    }

    /**
     * Paces a publisher: parks until shortly before {@code dueNanos} rather than spinning (the generator shares the
     * machine with the broker and the coordinator); a message up to 0.2 ms early goes at once.
     */
    private static void waitForTurn(long dueNanos) {
        long early = dueNanos - System.nanoTime();
        if (early > 200_000) {
            LockSupport.parkNanos(early);
        }
    }

    private static void waitUntil(BooleanSupplier done, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(50); // a harness waiting for its own traffic to drain, not a test
        }
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
