package org.winterwatch.coordinator.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.winterwatch.alerts.pipeline.DeadLettered;
import org.winterwatch.alerts.pipeline.Work;
import org.winterwatch.coordinator.mqtt.MqttBridge;

/**
 * The coordinator's meters, in one Prometheus registry that {@code GET /metrics} scrapes: Vert.x's own (HTTP server
 * latency by route, method and status; JVM), the inbound MQTT messages by route, the dead letters by route and
 * reason, and the alert latency. The gauges that read the coordinator's state are {@link StateGauges}.
 */
final class CoordinatorMeters {

    /** Buckets of the latency histograms: from what a healthy commit takes to what only an outage explains. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60)};
    /** Vert.x's prefix of its HTTP server meters, and its name for the time from a request's start to its end. */
    private static final String HTTP_SERVER = "vertx.http.server.";
    private static final String HTTP_SERVER_RESPONSE_TIME = HTTP_SERVER + "response.time";
    static final String ALERT_LATENCY = "ww.alert.latency";

    private final PrometheusMeterRegistry registry;
    private final Map<Work.Route, Counter> received = new EnumMap<>(Work.Route.class);
    private final Map<Work.Route, Timer> latency = new EnumMap<>(Work.Route.class);
    private final Map<Work.Route, Map<DeadLettered.Why, Counter>> deadLetters = new EnumMap<>(Work.Route.class);

    CoordinatorMeters() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(answeringRouteOnly()).meterFilter(latencyHistograms());
        for (Work.Route route : Work.Route.values()) {
            String name = routeName(route);
            received.put(route, Counter.builder("ww.inbound.messages")
                    .description("Messages that reached the coordinator over MQTT, by the route their topic takes")
                    .tag("route", name).register(registry));
            Map<DeadLettered.Why, Counter> byWhy = new EnumMap<>(DeadLettered.Why.class);
            for (DeadLettered.Why why : DeadLettered.Why.values()) {
                byWhy.put(why, Counter.builder("ww.dead.letters")
                        .description("Inbound messages sent to the dead-letter topic, by route and reason")
                        .tags("route", name, "reason", why.wireName()).register(registry));
            }
            deadLetters.put(route, byWhy);
        }
        for (Work.Route route : new Work.Route[] {Work.Route.DETECTION, Work.Route.TIP}) {
            latency.put(route, Timer.builder(ALERT_LATENCY)
                    .description("From a detection or tip reaching the coordinator over MQTT to its alert change (or its "
                            + "dead letter) being committed with the message to publish")
                    .tag("route", routeName(route)).register(registry));
        }
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * A Vert.x that reports into this registry: HTTP server metrics labelled by route (the path template, never the
     * raw path) besides Vert.x's default labels (method, status, pool), and the JVM's. The registry name is this instance's own, so that two coordinators
     * in one JVM (tests) do not share Vert.x's registry by name.
     */
    Vertx vertx() {
        MicrometerMetricsOptions options = new MicrometerMetricsOptions()
                .setEnabled(true)
                .setRegistryName("winterwatch-" + UUID.randomUUID())
                .setJvmMetricsEnabled(true)
                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
                .addLabels(Label.HTTP_ROUTE);
        return Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(options))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
    }

    /**
     * The handler, counting what it is given; for detections and tips, also timing each until its acknowledgement,
     * which the pipeline gives only once the message's effect is committed.
     */
    MqttBridge.InboundHandler inbound(Work.Route route, MqttBridge.InboundHandler handler) {
        Counter count = received.get(route);
        Timer timer = latency.get(route);
        return (topic, payload, ack) -> {
            count.increment();
            if (timer == null) {
                handler.handle(topic, payload, ack);
                return;
            }
            Timer.Sample sample = Timer.start(registry);
            handler.handle(topic, payload, () -> {
                sample.stop(timer);
                ack.run();
            });
        };
    }

    /** Counts a committed dead letter. */
    void deadLettered(DeadLettered letter) {
        deadLetters.get(letter.route()).get(letter.why()).increment();
    }

    private static String routeName(Work.Route route) {
        return route.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Vert.x labels a request with every route it passed, joined by '>' ("/api/v1/>/api/v1/alerts/:id": the
     * authentication first); the label keeps only the route that answered.
     */
    private static MeterFilter answeringRouteOnly() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String route = id.getTag("route");
                if (!id.getName().startsWith(HTTP_SERVER) || route == null || route.indexOf('>') < 0) {
                    return id;
                }
                return id.withTag(Tag.of("route", route.substring(route.lastIndexOf('>') + 1)));
            }
        };
    }

    /** Bucketed histograms (not client-side percentiles) for the HTTP and alert latencies: they aggregate. */
    private static MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                String name = id.getName();
                if (!name.equals(HTTP_SERVER_RESPONSE_TIME) && !name.equals(ALERT_LATENCY)) {
                    return config;
                }
                double[] slos = new double[LATENCY_BUCKETS.length];
                for (int i = 0; i < slos.length; i++) {
                    slos[i] = LATENCY_BUCKETS[i].toNanos();
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(slos).build().merge(config);
            }
        };
    }
}
