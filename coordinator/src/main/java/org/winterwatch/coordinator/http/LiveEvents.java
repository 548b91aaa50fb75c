package org.winterwatch.coordinator.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.Weather;
import org.winterwatch.alerts.wire.AlertJson;

/**
 * The changes the dashboard follows live (alerts, drones, sweeps, the weather), handed to every open event stream.
 * Changes are published from the threads they happen on (the alert worker, the sweep runner, the HTTP loop); each
 * stream writes them on its own event loop, in the order they were published.
 */
public final class LiveEvents {

    private final Set<Consumer<LiveEvent>> streams = ConcurrentHashMap.newKeySet();

    /** A committed change of an alert; only those who may read it over REST receive it. */
    public void alertChanged(Alert alert) {
        if (streams.isEmpty()) {
            return; // nobody watching: the alert is not written out once more for nothing
        }
        publish(new LiveEvent(EventKind.ALERT, AlertJson.write(alert), grant -> HttpApiVerticle.visibleTo(alert, grant)));
    }

    /** A stored change of a sweep: the sweep as {@code GET /api/v1/sweeps/{id}} shows it. */
    public void sweepChanged(String sweepJson) {
        publish(new LiveEvent(EventKind.SWEEP, sweepJson, grant -> true));
    }

    /** The weather in force changed: as {@code GET /api/v1/weather} shows it. */
    public void weatherChanged(Weather.Conditions now, boolean coldWave) {
        publish(new LiveEvent(EventKind.WEATHER, WeatherRoutes.json(now, coldWave).toString(), grant -> true));
    }

    /** A drone's state changed: as one item of {@code GET /api/v1/drones}. */
    void droneChanged(String droneJson) {
        publish(new LiveEvent(EventKind.DRONE, droneJson, grant -> true));
    }

    /** Hands every later change to {@code stream} until the returned action is run. */
    Runnable subscribe(Consumer<LiveEvent> stream) {
        streams.add(stream);
        return () -> streams.remove(stream);
    }

    private void publish(LiveEvent event) {
        streams.forEach(s -> s.accept(event));
    }
}
