package org.winterwatch.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.winterwatch.alerts.Topics;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.book.TeamZone;
import org.winterwatch.coordinator.app.DroneEndpoint;
import org.winterwatch.coordinator.broker.MosquittoAcl;
import org.winterwatch.geo.site.Site;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winterwatch mqtt-acl}: writes the Mosquitto ACL file for the configured teams, sensors and users. */
@Command(name = "mqtt-acl", mixinStandardHelpOptions = true,
        description = {"Writes a Mosquitto ACL file (acl_file) giving each client only its topics: the coordinator all of",
                "ww/v1/#; a team reads ww/v1/alerts/TEAM and writes ww/v1/acks/TEAM; a sensor or drone writes only",
                "ww/v1/detections/ID; a tip app writes ww/v1/tips; operators read ww/v1/deadletter and drone states.",
                "With --config, also the serve config's teams (zones, next, alerts.default_team and control_room_team,",
                "team tokens, the sites' teams), drones and mqtt_user. See deploy/mosquitto/README.md."})
final class MqttAclCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    Verbosity verbosity;

    @Option(names = "--config", description = "The serve config (YAML) to take teams, drones, topic_prefix and mqtt_user from.")
    Path config;
    @Option(names = "--coordinator", description = "The coordinator's user name (default: the config's mqtt_user, else ww-coordinator).")
    String coordinator;
    @Option(names = "--team", split = ",", description = "A ground team id, also its user name; repeatable or comma-separated.")
    List<String> teams;
    @Option(names = "--sensor", split = ",", description = "A fixed sensor's or drone's id (its detections' source), also its user name.")
    List<String> sensors;
    @Option(names = "--tip-app", split = ",", description = "User name of an app that sends tips.")
    List<String> tipApps;
    @Option(names = "--operator", split = ",", description = "User name of an operator who reads dead letters and drone states.")
    List<String> operators;
    @Option(names = "--simulator", split = ",", description = "User name of a 'winterwatch simulate' process (a test set-up): "
            + "writes detections of any source.")
    List<String> simulators;
    @Option(names = "--topic-prefix", description = "Topic prefix (default: the config's topic_prefix, else ww/v1).")
    String topicPrefix;
    @Option(names = "--out", description = "File to write (default: standard output).")
    Path out;

    @Override
    public Integer call() throws IOException {
        Settings s = Settings.load(config, System.getenv());
        Set<String> teamIds = new LinkedHashSet<>(orEmpty(teams));
        Set<String> sensorIds = new LinkedHashSet<>(orEmpty(sensors));
        if (config != null) {
            teamIds.addAll(configuredTeams(s));
            s.list("drone", null).stream().map(DroneEndpoint::parse).map(DroneEndpoint::droneId).forEach(sensorIds::add);
        }
        Topics topics;
        MosquittoAcl acl;
        try {
            topics = new Topics(s.string("topic-prefix", topicPrefix, "ww/v1"));
            acl = MosquittoAcl.of(topics, new MosquittoAcl.Roles(s.string("mqtt-user", coordinator, "ww-coordinator"),
                    List.copyOf(teamIds), List.copyOf(sensorIds), orEmpty(tipApps), orEmpty(operators),
                    orEmpty(simulators)));
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage().replace("\n", "; "));
        }
        PrintWriter console = spec.commandLine().getOut();
        if (out == null) {
            console.print(acl.text());
            console.flush();
            return ExitCodes.OK;
        }
        try {
            Files.writeString(out, acl.text());
        } catch (IOException e) {
            throw new UsageError("--out " + out + ": cannot be written: " + e.getMessage());
        }
        console.println("Wrote " + out + " for " + acl.users().size() + " users. Give each a password (mosquitto_passwd "
                + "-c FILE USER for the first, without -c after): " + String.join(" ", acl.users()));
        return ExitCodes.OK;
    }

    /** Every team the coordinator may send alerts to, as serve reads them. */
    private static List<String> configuredTeams(Settings s) {
        List<String> found = new ArrayList<>();
        AlertPolicy policy = AlertConfig.policy(s.raw("alerts"));
        found.add(policy.controlRoomTeam());
        found.add(policy.defaultTeam());
        for (TeamZone zone : AlertConfig.teams(s.raw("teams"))) {
            found.add(zone.teamId());
            found.add(zone.nextTeam());
        }
        JsonNode tokens = s.raw("tokens");
        if (tokens != null && tokens.isArray()) {
            tokens.forEach(t -> found.add(t.path("team").asText(null)));
        }
        List<String> siteFiles = s.list("sites", null);
        ServeCommand.readSites(siteFiles).sites().stream().map(Site::team).forEach(found::add);
        return found.stream().filter(Objects::nonNull).filter(t -> !t.isBlank()).toList();
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).toList();
    }
}
