package org.winterwatch.coordinator.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.winterwatch.missions.sweep.SiteState;
import org.winterwatch.missions.sweep.Sweep;
import org.winterwatch.missions.sweep.SweepSite;
import org.winterwatch.missions.sweep.SweepSortie;

/** A sweep as the API shows it (CONTRACT §6). */
final class SweepJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepJson() {
    }

    static ObjectNode of(Sweep sweep) {
        ObjectNode o = summary(sweep);
        ArrayNode sites = o.putArray("sites");
        for (SweepSite s : sweep.sites()) {
            ObjectNode n = sites.addObject();
            n.put("siteId", s.siteId());
            n.put("state", s.state().wireName());
            n.put("droneId", s.droneId());
            time(n, "sweptAt", s.sweptAt());
            n.put("reason", s.reason());
        }
        ArrayNode sorties = o.putArray("sorties");
        for (SweepSortie s : sweep.sorties()) {
            ObjectNode n = sorties.addObject();
            n.put("droneId", s.droneId());
            n.put("sortie", s.number());
            n.put("state", s.state().wireName());
            ArrayNode ids = n.putArray("siteIds");
            s.siteIds().forEach(ids::add);
            time(n, "startedAt", s.startedAt());
            time(n, "endedAt", s.endedAt());
            n.put("reason", s.reason());
        }
        return o;
    }

    /** The sweep without its sites and sorties, with their counts: for lists. */
    static ObjectNode summary(Sweep sweep) {
        ObjectNode o = JSON.createObjectNode();
        o.put("sweepId", sweep.id());
        o.put("state", sweep.state().wireName());
        o.put("reason", sweep.reason());
        time(o, "createdAt", sweep.createdAt());
        o.put("createdBy", sweep.createdBy());
        time(o, "startedAt", sweep.startedAt());
        time(o, "endedAt", sweep.endedAt());
        o.put("altitudeM", sweep.altitudeM());
        ArrayNode drones = o.putArray("droneIds");
        sweep.droneIds().forEach(drones::add);
        ArrayNode dropped = o.putArray("droppedDroneIds");
        sweep.droppedDrones().stream().sorted().forEach(dropped::add);
        List<SweepSite> sites = sweep.sites();
        ObjectNode counts = o.putObject("counts");
        counts.put("sites", sites.size());
        for (SiteState state : SiteState.values()) {
            counts.put(state.wireName(), sites.stream().filter(s -> s.state() == state).count());
        }
        counts.put("sorties", sweep.sorties().size());
        return o;
    }

    static String list(List<Sweep> sweeps) {
        ArrayNode out = JSON.createArrayNode();
        sweeps.forEach(s -> out.add(summary(s)));
        return out.toString();
    }

    private static void time(ObjectNode n, String field, Instant at) {
        if (at == null) {
            n.putNull(field);
        } else {
            n.put(field, at.toString());
        }
    }
}
