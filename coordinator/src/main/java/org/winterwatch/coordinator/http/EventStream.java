package org.winterwatch.coordinator.http;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One open {@code text/event-stream} response: writes the events its caller may see and asked for, on the event loop
 * of its connection. A client that does not read is let go instead of being buffered for: it reconnects and reloads.
 */
final class EventStream implements Consumer<LiveEvent> {

    private final HttpServerResponse response;
    private final Context context;
    private final AccessTokens.Grant grant;
    private final Set<EventKind> wanted;
    private volatile boolean closed;

    EventStream(HttpServerResponse response, Context context, AccessTokens.Grant grant, Set<EventKind> wanted) {
        this.response = response;
        this.context = context;
        this.grant = grant;
        this.wanted = Set.copyOf(wanted);
    }

    /** Sends the response head and the reconnection delay; the stream then stays open until either side closes it. */
    void open(long retryMs) {
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("X-Accel-Buffering", "no");
        response.write("retry: " + retryMs + "\n: streaming " + wanted.size() + " kinds of event\n\n");
    }

    @Override
    public void accept(LiveEvent event) {
        if (closed || !wanted.contains(event.kind()) || !event.visibleTo(grant)) {
            return;
        }
        context.runOnContext(v -> write(frame(event)));
    }

    /** A comment line, so that the connection never sits idle long enough to be closed. */
    void heartbeat() {
        context.runOnContext(v -> write(": heartbeat\n\n"));
    }

    void closed() {
        closed = true;
    }

    /** The SSE frame: {@code event:} and one {@code data:} line per line of JSON (compact JSON has one). */
    static String frame(LiveEvent event) {
        StringBuilder b = new StringBuilder(event.json().length() + 32);
        b.append("event: ").append(event.kind().wireName()).append('\n');
        for (String line : event.json().split("\n", -1)) {
            b.append("data: ").append(line).append('\n');
        }
        return b.append('\n').toString();
    }

    private void write(String text) {
        if (closed || response.closed() || response.ended()) {
            return;
        }
        if (response.writeQueueFull()) {
            closed = true;
            response.reset();
            return;
        }
        response.write(text);
    }
}
