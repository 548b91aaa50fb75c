package org.winterwatch.coordinator.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads {@code GET /api/v1/events} the way the dashboard does: a bearer header, then event frames as they come. */
final class EventStreamReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One event as it arrived, with when it arrived. */
    record Event(String name, JsonNode data, Instant receivedAt) {
    }

    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<String> comments = new CopyOnWriteArrayList<>();
    final HttpResponse<Stream<String>> response;
    private String name;
    private final StringBuilder data = new StringBuilder();

    private EventStreamReader(URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(this::line);
            } catch (RuntimeException e) {
                // closed by the test, or by the server: what arrived is kept
            }
        }, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream at {@code path} (with its query) under the API of the coordinator on {@code port}. */
    static EventStreamReader open(int port, String pathAndQuery, String token) throws Exception {
        return new EventStreamReader(URI.create("http://127.0.0.1:" + port + pathAndQuery), token);
    }

    List<Event> named(String eventName) {
        return events.stream().filter(e -> e.name().equals(eventName)).toList();
    }

    @Override
    public void close() {
        response.body().close();
    }

    private void line(String line) {
        if (line.isEmpty()) {
            if (name != null) {
                events.add(new Event(name, parse(data.toString()), Instant.now()));
            }
            name = null;
            data.setLength(0);
        } else if (line.startsWith(":")) {
            comments.add(line.substring(1).trim());
        } else if (line.startsWith("event: ")) {
            name = line.substring(7);
        } else if (line.startsWith("data: ")) {
            data.append(data.length() == 0 ? "" : "\n").append(line.substring(6));
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
