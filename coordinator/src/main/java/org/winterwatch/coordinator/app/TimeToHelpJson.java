package org.winterwatch.coordinator.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.winterwatch.alerts.figures.TimeToHelp;

/** The night's times to help as the stats show them, and as one line per measure for the demo's summary. */
public final class TimeToHelpJson {

    private TimeToHelpJson() {
    }

    static ObjectNode of(TimeToHelp.Figures f) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("from", f.from().toString());
        o.put("to", f.to().toString());
        o.put("alerts", f.alerts());
        times(o.putObject("all"), f.all());
        ObjectNode teams = o.putObject("byTeam");
        f.byTeam().forEach((team, t) -> times(teams.putObject(team), t));
        ObjectNode helped = o.putObject("peopleHelped");
        f.peopleHelped().forEach(helped::put);
        o.put("escalated", f.escalated());
        return o;
    }

    private static void times(ObjectNode o, TimeToHelp.Times t) {
        measure(o.putObject("toAcknowledgement"), t.acknowledged());
        measure(o.putObject("toTeamOnSite"), t.onSite());
        measure(o.putObject("toResolution"), t.resolved());
    }

    private static void measure(ObjectNode o, TimeToHelp.Measure m) {
        o.put("count", m.count());
        o.put("medianS", m.medianS());
        o.put("p90S", m.p90S());
    }

    /** "acknowledged 12: median 3.5 min, 90 % within 9.0 min" for people reading the demo's summary. */
    public static String line(String what, TimeToHelp.Measure m) {
        if (m.count() == 0) {
            return what + " 0";
        }
        return String.format(Locale.ROOT, "%s %d: median %.1f min, 90 %% within %.1f min", what, m.count(),
                m.medianS() / 60, m.p90S() / 60);
    }
}
