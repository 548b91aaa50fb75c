package org.winterwatch.coordinator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.winterwatch.alerts.book.Weather;

/**
 * The HTTP API slows a flooding token down with 429 and Retry-After, over real HTTP, with the rate limiter's time
 * set by the test: the outcome does not depend on how fast this machine sends requests.
 */
class HttpRateLimitTest {

    private static final String RUNAWAY = "runaway-dashboard-token-0123456789";
    private static final String CALM = "calm-control-room-token-0123456789";

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Vertx vertx = Vertx.vertx();
    private HttpApiVerticle api;

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void start(double perSecond, int burst) throws Exception {
        AccessTokens tokens = new AccessTokens()
                .add(RUNAWAY, new AccessTokens.Grant(Role.CONTROLROOM, null))
                .add(CALM, new AccessTokens.Grant(Role.CONTROLROOM, null));
        api = new HttpApiVerticle(new HttpSettings("127.0.0.1", 0, tokens, perSecond, burst), weatherOnly(), nanos::get);
        vertx.deployVerticle(api).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private HttpResponse<String> getWeather(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.actualPort() + "/api/v1/weather"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTokenThatFloodsTheApiGetsItsBurstThen429WithRetryAfterWhileOthersGoOn() throws Exception {
        // given the default limits: 20 per second, bursts of 60
        start(HttpSettings.DEFAULT_RATE_PER_SECOND, HttpSettings.DEFAULT_RATE_BURST);

        // when one token sends its burst and one more, all at the same instant
        for (int i = 0; i < HttpSettings.DEFAULT_RATE_BURST; i++) {
            assertThat(getWeather(RUNAWAY).statusCode()).as("request %d of the burst", i + 1).isEqualTo(200);
        }
        HttpResponse<String> refused = getWeather(RUNAWAY);

        // then that one is refused, saying when to come back, and only this token is slowed down
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(new ObjectMapper().readTree(refused.body()).path("error").asText())
                .isEqualTo("too many requests with this token: 20 per second allowed (bursts of 60); try again in 1 s");
        assertThat(getWeather(CALM).statusCode()).as("other tokens go on").isEqualTo(200);

        // and once a twentieth of a second has passed, one more request goes through, and only one
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(getWeather(RUNAWAY).statusCode()).isEqualTo(200);
        assertThat(getWeather(RUNAWAY).statusCode()).isEqualTo(429);
    }

    @Test
    void aSlowLimitTellsTheClientHowManySecondsToWait() throws Exception {
        // given one request every 10 s
        start(0.1, 1);
        assertThat(getWeather(RUNAWAY).statusCode()).isEqualTo(200);

        // when the next comes 4 s later
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(4));
        HttpResponse<String> refused = getWeather(RUNAWAY);

        // then it is told to wait the 6 s left, and after them it goes through
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("6");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(6));
        assertThat(getWeather(RUNAWAY).statusCode()).isEqualTo(200);
    }

    @Test
    void guessingTokensFromOneAddressIsHeldOffWith429UntilItsBudgetRefills() throws Exception {
        // given the default limits
        start(HttpSettings.DEFAULT_RATE_PER_SECOND, HttpSettings.DEFAULT_RATE_BURST);

        // when one address sends wrong tokens, all at the same instant
        for (int i = 0; i < HttpApiVerticle.AUTH_FAILURE_BURST; i++) {
            assertThat(getWeather("guess-" + i).statusCode()).as("guess %d", i + 1).isEqualTo(401);
        }
        HttpResponse<String> heldOff = getWeather("guess-next");
        HttpResponse<String> evenTheRightOne = getWeather(CALM);

        // then it is held off, a right token included (so a lucky guess cannot be told apart), saying for how long
        assertThat(heldOff.statusCode()).isEqualTo(429);
        assertThat(heldOff.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(heldOff.body()).contains("too many failed authentications from 127.0.0.1");
        assertThat(evenTheRightOne.statusCode()).isEqualTo(429);

        // and once the budget refilled by one, one more attempt is judged
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertThat(getWeather(CALM).statusCode()).isEqualTo(200);
        assertThat(getWeather("guess-again").statusCode()).isEqualTo(401);
        assertThat(getWeather(CALM).statusCode()).isEqualTo(429);
    }

    /** A backend that answers only what GET /weather asks; any other call fails the request. */
    private static HttpBackend weatherOnly() {
        return CannedBackend.answering(Map.of("weather", () -> Weather.Conditions.calm(-8), "coldWave", () -> false));
    }
}
