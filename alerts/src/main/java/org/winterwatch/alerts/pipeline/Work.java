package org.winterwatch.alerts.pipeline;

import java.util.concurrent.CompletableFuture;
import org.winterwatch.alerts.book.ActionResult;
import org.winterwatch.alerts.book.TeamAction;
import org.winterwatch.alerts.book.Weather;

/** One unit of work for the alert worker, processed in arrival order. */
public sealed interface Work {

    /** What an inbound MQTT message is, by its topic. */
    public enum Route { DETECTION, TIP, ACK, /** a topic no handler takes: dead-lettered */ UNROUTED }

    /** An MQTT message; {@code ack} acknowledges it to the broker once its effect is committed. */
    record Inbound(String topic, byte[] payload, Route route, Runnable ack) implements Work {
    }

    /** A tip posted over HTTP; completes with the alert it raised or the reason it was refused. */
    record HttpTip(byte[] payload, CompletableFuture<TipResult> result) implements Work {
    }

    /** An action taken over HTTP. */
    record HttpAction(TeamAction action, CompletableFuture<ActionResult> result) implements Work {
    }

    /** Something the coordinator itself learned about an alert (a drone sent to look), added to its reasons. */
    record Note(String alertId, String reason) implements Work {
    }

    /** The control room sets the temperature and wind; completes with them once stored. */
    record SetWeather(Weather.Conditions conditions, CompletableFuture<Weather.Conditions> result) implements Work {
    }

    /** Time to look for alerts nobody answered. */
    record Tick() implements Work {
    }
}
