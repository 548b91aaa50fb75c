package org.winterwatch.simulator;

import java.util.Locale;

/**
 * What a simulated ground team finds when it reaches a person: how old they are, how long they had been out
 * before the scenario starts, and what they accept. It decides the outcome a team records (see
 * {@code org.winterwatch.simulator.teams.OutcomeChooser}).
 *
 * @param minor a child or teenager on their own
 * @param outBeforeMin minutes the person had already spent out in the cold when the scenario starts
 * @param accepts what they accept when offered help, or null to leave it to the scenario's dice
 */
public record PersonNeeds(boolean minor, double outBeforeMin, Accepts accepts) {

    /** An adult who has just arrived, whose answer the dice decide. */
    public static final PersonNeeds UNKNOWN = new PersonNeeds(false, 0, null);

    /** What a person says yes to. */
    public enum Accepts {
        /** Help where they are: a hot drink, a blanket, a coat. */
        AID,
        /** A ride to the relief centre. */
        CENTRE,
        /** Nothing: they want to be left alone (a help card is left with them). */
        NOTHING;

        public static Accepts parse(String text) {
            return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
                case "aid" -> AID;
                case "centre", "center" -> CENTRE;
                case "nothing", "declines" -> NOTHING;
                default -> throw new IllegalArgumentException("accepts must be aid, centre or nothing, was '" + text + "'");
            };
        }
    }

    public PersonNeeds {
        if (!Double.isFinite(outBeforeMin) || outBeforeMin < 0 || outBeforeMin > 7 * 24 * 60) {
            throw new IllegalArgumentException("outBeforeMin must be within 0..10080 (a week), was " + outBeforeMin);
        }
    }
}
