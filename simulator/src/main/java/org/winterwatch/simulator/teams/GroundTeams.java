package org.winterwatch.simulator.teams;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.simulator.Scenario;
import org.winterwatch.simulator.SimClock;
import org.winterwatch.simulator.SimPerson;
import org.winterwatch.simulator.mqtt.SimMqttClient;

/**
 * The scenario's ground teams, each with a phone on the broker as a team's app would have: it takes alerts from
 * {@code {prefix}/alerts/{teamId}} and sends the crews' acknowledgements, arrivals and outcomes to
 * {@code {prefix}/acks/{teamId}} (CONTRACT §4). The crews live in simulated time ({@link TeamDesk}); they move on
 * every advance of the simulator's clock.
 */
public final class GroundTeams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroundTeams.class);

    private final SimClock clock;
    private final Instant t0;
    private final String topicPrefix;
    private final List<TeamDesk> desks = new ArrayList<>();
    private final Map<String, SimMqttClient> phones = new ConcurrentHashMap<>();
    private final List<Consumer<CrewAction>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService retries;
    private Runnable clockSubscription = () -> { };

    private GroundTeams(SimClock clock, Instant t0, String topicPrefix) {
        this.clock = clock;
        this.t0 = t0;
        this.topicPrefix = topicPrefix;
        this.retries = Executors.newSingleThreadScheduledExecutor(
                new ThreadFactoryBuilder().setNameFormat("ww-sim-teams-%d").setDaemon(true).build());
    }

    /** Starts the scenario's teams, its people and cold deciding what the crews find. */
    public static GroundTeams start(Scenario scenario, long seed, SimClock clock, Instant t0, String mqttUrl,
                                    String topicPrefix, Consumer<MqttConnectionOptions> login) {
        return start(scenario.teams(), scenario.people(), scenario.ambientTempC(), seed, clock, t0, mqttUrl, topicPrefix,
                login);
    }

    /**
     * Starts the teams' phones and crews.
     *
     * @param t0 the simulator's start: shifts and people's times count from it
     * @param mqttUrl the broker; null keeps the teams off the broker (a test feeds them with {@link #receive})
     * @param login completes each phone's connect options (user name, password, TLS), as for the simulator's sensors
     */
    public static GroundTeams start(List<TeamSpec> teams, List<SimPerson> people, double ambientTempC, long seed,
                                    SimClock clock, Instant t0, String mqttUrl, String topicPrefix,
                                    Consumer<MqttConnectionOptions> login) {
        GroundTeams ground = new GroundTeams(Objects.requireNonNull(clock, "clock"), t0, topicPrefix);
        try {
            OutcomeChooser chooser = new OutcomeChooser(people, ambientTempC, seed);
            for (TeamSpec spec : teams) {
                TeamDesk desk = new TeamDesk(spec, chooser, seed);
                ground.desks.add(desk);
                if (mqttUrl != null) {
                    SimMqttClient phone = new SimMqttClient(mqttUrl, "sim-team-" + spec.id(), ground.retries, login,
                            List.of(topicPrefix + "/alerts/" + spec.id()),
                            (topic, payload) -> AlertNotice.read(payload).ifPresent(n -> ground.receive(spec.id(), n)));
                    ground.phones.put(spec.id(), phone);
                    phone.start();
                }
            }
            ground.clockSubscription = clock.onAdvance((from, to) -> ground.advance(to));
        } catch (MqttException | RuntimeException e) {
            ground.close();
            throw new IllegalStateException("cannot start the ground teams' phones at " + mqttUrl + ": " + e.getMessage(), e);
        }
        if (!teams.isEmpty()) {
            LOG.info("ground teams started teams={} crews={}", teams.stream().map(TeamSpec::id).toList(),
                    teams.stream().mapToInt(TeamSpec::vehicles).sum());
        }
        return ground;
    }

    /** Called with everything a crew sends, after it is published. */
    public void onAction(Consumer<CrewAction> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** An alert on team {@code teamId}'s topic (as its phone hands it over). */
    public void receive(String teamId, AlertNotice notice) {
        double nowS = secondsSinceStart(clock.now());
        desks.stream().filter(d -> d.spec().id().equals(teamId)).forEach(d -> d.receive(notice, nowS));
    }

    /** True when every team's phone is connected (always true off the broker). */
    public boolean connected() {
        return phones.values().stream().allMatch(SimMqttClient::isConnected);
    }

    private void advance(Instant to) {
        double nowS = secondsSinceStart(to);
        for (TeamDesk desk : desks) {
            for (CrewAction action : desk.advance(nowS)) {
                SimMqttClient phone = phones.get(action.teamId());
                if (phone != null) {
                    phone.publish(topicPrefix + "/acks/" + action.teamId(), action.toJson());
                }
                LOG.debug("crew action team={} alertId={} action={} by={} outcome={}", action.teamId(),
                        action.alertId(), action.action(), action.by(), action.outcome());
                listeners.forEach(l -> l.accept(action));
            }
        }
    }

    private double secondsSinceStart(Instant now) {
        return Duration.between(t0, now).toMillis() / 1000.0;
    }

    @Override
    public void close() {
        clockSubscription.run();
        phones.values().forEach(SimMqttClient::close);
        phones.clear();
        retries.shutdownNow();
    }
}
