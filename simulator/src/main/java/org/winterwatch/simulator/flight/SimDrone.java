package org.winterwatch.simulator.flight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.geo.LatLon;

/**
 * The flight and battery model of one simulated multicopter, at walking-skeleton fidelity: straight
 * legs at the item's speed, vertical climbs and descents, a battery that drains with flight time,
 * return-to-launch after the mission, a low-battery failsafe and a battery swap on the ground.
 *
 * <p>Thread-safe: gRPC threads send commands while the world loop calls {@link #step}.
 */
public final class SimDrone {

    private static final Logger LOG = LoggerFactory.getLogger(SimDrone.class);

    /** A full battery lasts this many seconds of flight. */
    public static final double ENDURANCE_S = 30 * 60;
    /** Arming is refused below this battery fraction. */
    public static final double MIN_ARM_BATTERY = 0.10;
    /** Below this fraction in the air the autopilot returns home on its own. */
    public static final double LOW_BATTERY_RTL = 0.12;
    /** Below this fraction the autopilot lands where it is. */
    public static final double CRITICAL_BATTERY_LAND = 0.03;
    /** After this long landed and disarmed, the ground crew has swapped the battery. */
    public static final double BATTERY_SWAP_S = 180;
    public static final int MAX_MISSION_ITEMS = 1000;

    static final double CLIMB_MPS = 3;
    static final double DESCENT_MPS = 2;
    static final double TAKEOFF_ALTITUDE_M = 10;
    static final double RTL_MIN_ALTITUDE_M = 30;
    private static final double EARTH_RADIUS_M = 6_371_008.8;
    private static final double ARRIVAL_EPSILON_M = 0.05;

    private final String droneId;
    private final LatLon home;
    private final double cruiseSpeedMps;

    private double lat;
    private double lon;
    private double relAltitudeM;
    private double headingDeg;
    private double battery = 1.0;
    private boolean armed;
    private boolean inAir;
    private FlightMode mode = FlightMode.READY;
    private boolean cameraOn = true;

    private List<SimWaypoint> mission = List.of();
    private int missionCurrent;
    private boolean missionFinished;
    private boolean climbingToFirstItem;
    private boolean returnAfterMission = true;
    private double legSpeedMps;
    private double targetAltitudeM;
    private double groundedS;
    private Instant now;

    public SimDrone(String droneId, LatLon home, double cruiseSpeedMps, Instant start) {
        this.droneId = droneId;
        this.home = home;
        this.cruiseSpeedMps = cruiseSpeedMps;
        this.lat = home.lat();
        this.lon = home.lon();
        this.legSpeedMps = cruiseSpeedMps;
        this.now = start;
    }

    public String droneId() {
        return droneId;
    }

    public LatLon home() {
        return home;
    }

    public synchronized DroneSnapshot snapshot() {
        return new DroneSnapshot(droneId, now, lat, lon, relAltitudeM, home.lat(), home.lon(), headingDeg,
                Math.max(0, Math.min(1, battery)), armed, inAir, mode, missionCurrent, mission.size(),
                missionFinished);
    }

    /** Failure injection: the battery is now at {@code fraction} (0..1). */
    public synchronized void injectBatteryFraction(double fraction) {
        battery = Math.max(0, Math.min(1, fraction));
    }

    public synchronized boolean cameraOn() {
        return cameraOn;
    }

    // ---- commands (answers follow PX4's habits closely enough for the MAVSDK client) ----

    public synchronized CommandResult uploadMission(List<SimWaypoint> items) {
        if (items.size() > MAX_MISSION_ITEMS) {
            return CommandResult.TOO_MANY_ITEMS;
        }
        if (mode == FlightMode.MISSION) {
            return CommandResult.BUSY;
        }
        mission = List.copyOf(items);
        missionCurrent = 0;
        missionFinished = false;
        return CommandResult.SUCCESS;
    }

    public synchronized List<SimWaypoint> mission() {
        return mission;
    }

    public synchronized CommandResult clearMission() {
        if (mode == FlightMode.MISSION) {
            return CommandResult.BUSY;
        }
        mission = List.of();
        missionCurrent = 0;
        missionFinished = false;
        return CommandResult.SUCCESS;
    }

    public synchronized void setReturnAfterMission(boolean enable) {
        returnAfterMission = enable;
    }

    public synchronized boolean returnAfterMission() {
        return returnAfterMission;
    }

    public synchronized CommandResult arm() {
        if (armed) {
            return CommandResult.SUCCESS;
        }
        if (battery < MIN_ARM_BATTERY) {
            LOG.info("arm refused droneId={} battery={}", droneId, battery);
            return CommandResult.DENIED;
        }
        armed = true;
        mode = FlightMode.READY;
        return CommandResult.SUCCESS;
    }

    public synchronized CommandResult disarm() {
        if (inAir) {
            return CommandResult.DENIED_NOT_LANDED;
        }
        armed = false;
        return CommandResult.SUCCESS;
    }

    public synchronized CommandResult takeoff() {
        if (!armed) {
            return CommandResult.DENIED;
        }
        if (inAir) {
            return CommandResult.SUCCESS;
        }
        mode = FlightMode.TAKEOFF;
        targetAltitudeM = TAKEOFF_ALTITUDE_M;
        inAir = true;
        return CommandResult.SUCCESS;
    }

    public synchronized CommandResult startMission() {
        if (mission.isEmpty()) {
            return CommandResult.NO_MISSION;
        }
        if (!armed) {
            return CommandResult.DENIED;
        }
        if (missionFinished || missionCurrent >= mission.size()) {
            missionCurrent = 0;
            missionFinished = false;
        }
        if (!inAir) {
            inAir = true;
            climbingToFirstItem = true;
            legSpeedMps = cruiseSpeedMps;
        }
        mode = FlightMode.MISSION;
        LOG.debug("mission started droneId={} items={} from={}", droneId, mission.size(), missionCurrent);
        return CommandResult.SUCCESS;
    }

    public synchronized CommandResult pauseMission() {
        if (inAir && mode == FlightMode.MISSION) {
            mode = FlightMode.HOLD;
        }
        return CommandResult.SUCCESS;
    }

    public synchronized CommandResult hold() {
        if (!inAir) {
            return CommandResult.DENIED;
        }
        if (mode != FlightMode.LAND) {
            mode = FlightMode.HOLD;
        }
        return CommandResult.SUCCESS;
    }

    public synchronized CommandResult returnToLaunch() {
        if (!armed || !inAir) {
            return CommandResult.DENIED;
        }
        beginReturn();
        return CommandResult.SUCCESS;
    }

    public synchronized CommandResult land() {
        if (!inAir) {
            return CommandResult.DENIED;
        }
        mode = FlightMode.LAND;
        return CommandResult.SUCCESS;
    }

    // ---- the world moves ----

    /**
     * Advances this drone by {@code dtS} simulated seconds ending at {@code at}.
     *
     * @return the ground track flown during the step: start and end position (equal when not moving)
     */
    public synchronized Leg step(double dtS, Instant at) {
        now = at;
        LatLon from = new LatLon(lat, lon);
        double altitudeBefore = relAltitudeM;
        if (inAir) {
            battery = Math.max(0, battery - dtS / ENDURANCE_S);
            applyFailsafes();
            fly(dtS);
            groundedS = 0;
        } else if (!armed) {
            groundedS += dtS;
            if (groundedS >= BATTERY_SWAP_S && battery < 1.0) {
                LOG.debug("battery swapped droneId={} was={}", droneId, battery);
                battery = 1.0;
            }
        }
        return new Leg(from, new LatLon(lat, lon), altitudeBefore, relAltitudeM, headingDeg, inAir && cameraOn);
    }

    /** The ground track and camera state of one world step. */
    public record Leg(LatLon from, LatLon to, double fromAltitudeM, double toAltitudeM, double headingDeg,
                      boolean cameraOn) {
    }

    private void applyFailsafes() {
        if (battery <= CRITICAL_BATTERY_LAND && mode != FlightMode.LAND) {
            LOG.warn("critical battery, landing droneId={} battery={}", droneId, battery);
            mode = FlightMode.LAND;
        } else if (battery < LOW_BATTERY_RTL && mode != FlightMode.RETURN_TO_LAUNCH && mode != FlightMode.LAND) {
            LOG.warn("low battery, returning droneId={} battery={}", droneId, battery);
            beginReturn();
        }
    }

    private void beginReturn() {
        mode = FlightMode.RETURN_TO_LAUNCH;
        targetAltitudeM = Math.max(relAltitudeM, RTL_MIN_ALTITUDE_M);
    }

    private void fly(double dtS) {
        double remaining = dtS;
        // a long step may pass several items: consume it leg by leg
        for (int guard = 0; remaining > 1e-9 && guard < 10_000; guard++) {
            remaining = switch (mode) {
                case TAKEOFF -> climbTo(targetAltitudeM, remaining, FlightMode.HOLD);
                case MISSION -> flyMission(remaining);
                case RETURN_TO_LAUNCH -> flyHome(remaining);
                case LAND -> descend(remaining);
                case HOLD, READY -> 0;
            };
        }
    }

    private double climbTo(double altitudeM, double dtS, FlightMode then) {
        double dz = altitudeM - relAltitudeM;
        double needS = Math.abs(dz) / CLIMB_MPS;
        if (needS <= dtS) {
            relAltitudeM = altitudeM;
            mode = then;
            return dtS - needS;
        }
        relAltitudeM += Math.signum(dz) * CLIMB_MPS * dtS;
        return 0;
    }

    private double flyMission(double dtS) {
        if (missionCurrent >= mission.size()) {
            finishMission();
            return dtS;
        }
        SimWaypoint item = mission.get(missionCurrent);
        if (climbingToFirstItem) {
            double left = climbTo(item.relAltitudeM(), dtS, FlightMode.MISSION);
            if (relAltitudeM == item.relAltitudeM()) {
                climbingToFirstItem = false;
            }
            return left;
        }
        double left = moveTowards(item.lat(), item.lon(), item.relAltitudeM(), legSpeedMps, dtS);
        if (arrivedAt(item.lat(), item.lon(), item.relAltitudeM())) {
            if (!Double.isNaN(item.speedMps())) {
                legSpeedMps = item.speedMps();
            }
            if (item.camera() == CameraCommand.START) {
                cameraOn = true;
            } else if (item.camera() == CameraCommand.STOP) {
                cameraOn = false;
            }
            missionCurrent++;
            if (missionCurrent >= mission.size()) {
                finishMission();
            }
        }
        return left;
    }

    private void finishMission() {
        missionCurrent = mission.size();
        missionFinished = true;
        LOG.debug("mission finished droneId={} returnAfterMission={}", droneId, returnAfterMission);
        if (returnAfterMission) {
            beginReturn();
        } else {
            mode = FlightMode.HOLD;
        }
    }

    private double flyHome(double dtS) {
        if (relAltitudeM < targetAltitudeM - ARRIVAL_EPSILON_M) {
            return climbTo(targetAltitudeM, dtS, FlightMode.RETURN_TO_LAUNCH);
        }
        double left = moveTowards(home.lat(), home.lon(), relAltitudeM, cruiseSpeedMps, dtS);
        if (arrivedAt(home.lat(), home.lon(), relAltitudeM)) {
            mode = FlightMode.LAND;
        }
        return left;
    }

    private double descend(double dtS) {
        double needS = relAltitudeM / DESCENT_MPS;
        if (needS <= dtS) {
            relAltitudeM = 0;
            inAir = false;
            armed = false;
            mode = FlightMode.READY;
            cameraOn = true;
            climbingToFirstItem = false;
            LOG.debug("landed droneId={} battery={}", droneId, battery);
            return 0;
        }
        relAltitudeM -= DESCENT_MPS * dtS;
        return 0;
    }

    /** Moves in a straight line (horizontal at speed, vertical at climb rate); returns unused seconds. */
    private double moveTowards(double tLat, double tLon, double tAlt, double speedMps, double dtS) {
        double north = Math.toRadians(tLat - lat) * EARTH_RADIUS_M;
        double east = Math.toRadians(tLon - lon) * EARTH_RADIUS_M * Math.cos(Math.toRadians(lat));
        double horizontal = Math.hypot(north, east);
        double dz = tAlt - relAltitudeM;
        double needS = Math.max(horizontal / speedMps, Math.abs(dz) / CLIMB_MPS);
        if (horizontal > ARRIVAL_EPSILON_M) {
            headingDeg = (Math.toDegrees(Math.atan2(east, north)) + 360) % 360;
        }
        if (needS <= dtS) {
            lat = tLat;
            lon = tLon;
            relAltitudeM = tAlt;
            return dtS - needS;
        }
        double f = dtS / needS;
        lat += Math.toDegrees(north * f / EARTH_RADIUS_M);
        lon += Math.toDegrees(east * f / (EARTH_RADIUS_M * Math.cos(Math.toRadians(lat))));
        relAltitudeM += dz * f;
        return 0;
    }

    private boolean arrivedAt(double tLat, double tLon, double tAlt) {
        return lat == tLat && lon == tLon && relAltitudeM == tAlt;
    }
}
