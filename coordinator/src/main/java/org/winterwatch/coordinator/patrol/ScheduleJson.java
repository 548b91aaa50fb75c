package org.winterwatch.coordinator.patrol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/schedule}: what is due for patrol and when, and what the scheduler did last. */
public final class ScheduleJson {

    private ScheduleJson() {
    }

    /** @param lastLaunch the scheduler's last launch, or null */
    public static ObjectNode of(PatrolBook book, Instant now, PatrolFacts facts, LastLaunch lastLaunch, String state) {
        PatrolPolicy policy = book.policy();
        List<SiteDue> due = book.due(now, facts);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("enabled", policy.enabled());
        o.put("now", now.toString());
        o.put("timeZone", policy.zone().getId());
        o.put("coldWave", book.coldWave());
        ArrayNode windows = o.putArray("windows");
        policy.windows().forEach(w -> windows.addObject().put("from", w.from().toString()).put("to", w.to().toString())
                .put("everyMin", w.every().toMinutes()));
        o.put("nextLaunchAt", book.nextLaunchAt(now).map(Instant::toString).orElse(null));
        o.put("state", state);
        if (lastLaunch == null) {
            o.putNull("lastLaunch");
        } else {
            ObjectNode last = o.putObject("lastLaunch");
            last.put("at", lastLaunch.at().toString());
            last.put("sweepId", lastLaunch.sweepId());
            last.put("sites", lastLaunch.sites());
            last.put("reason", lastLaunch.reason());
        }
        o.put("dueNow", due.stream().filter(d -> d.dueBy(now)).count());
        ArrayNode sites = o.putArray("sites");
        for (SiteDue d : due) {
            ObjectNode s = sites.addObject();
            s.put("siteId", d.siteId());
            s.put("name", d.name());
            s.put("category", d.category());
            s.put("priority", d.priority());
            s.put("lastSweptAt", d.lastSweptAt() == null ? null : d.lastSweptAt().toString());
            s.put("intervalMin", d.interval().toMinutes());
            s.put("dueAt", d.dueAt().toString());
            s.put("due", d.dueBy(now));
            s.put("reason", d.reason());
        }
        return o;
    }

    /** A sweep the scheduler launched. */
    public record LastLaunch(Instant at, String sweepId, int sites, String reason) {
    }
}
