package org.winterwatch.simulator.flight;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.geo.LatLon;
import org.winterwatch.simulator.world.Wind;

/**
 * The flight and battery model of one simulated multicopter, behaving like PX4 closely enough for a
 * MAVSDK client: a velocity controller with speed, acceleration and climb limits that slows for corners
 * and holds its track against the wind; a battery whose drain grows with airspeed and climb and whose
 * capacity shrinks in the cold; PX4-like failsafes (low battery: return, critical: land, link lost
 * beyond {@link #LINK_LOSS_TIMEOUT_S}: return, GPS lost: land, geofence breached: return); return to
 * launch after the mission; a battery swap on the ground.
 *
 * <p>Thread-safe: gRPC threads send commands while the world loop calls {@link #step}.
 */
public final class SimDrone {

    private static final Logger LOG = LoggerFactory.getLogger(SimDrone.class);

    /** A full battery lasts this many seconds at cruise (10 m/s airspeed) at 15 °C and above. */
    public static final double ENDURANCE_S = 40 * 60;
    /** Arming is refused below this battery fraction. */
    public static final double MIN_ARM_BATTERY = 0.10;
    /** Below this fraction in the air the autopilot returns home on its own. */
    public static final double LOW_BATTERY_RTL = 0.12;
    /** Below this fraction the autopilot lands where it is. */
    public static final double CRITICAL_BATTERY_LAND = 0.03;
    /** After this long landed and disarmed, the ground crew has swapped the battery. */
    public static final double BATTERY_SWAP_S = 180;
    /** PX4's COM_DL_LOSS_T: a link lost this long in flight makes the vehicle return. */
    public static final double LINK_LOSS_TIMEOUT_S = 10;
    public static final int MAX_MISSION_ITEMS = 1000;

    static final double CLIMB_MPS = 3;
    static final double DESCENT_MPS = 2;
    static final double ACCELERATION_MPS2 = 3;
    static final double VERTICAL_ACCELERATION_MPS2 = 4;
    static final double MAX_AIRSPEED_MPS = 20;
    static final double MAX_SPEED_LIMIT_MPS = 20;
    static final double DEFAULT_MAX_SPEED_MPS = 12;
    static final double TAKEOFF_ALTITUDE_M = 10;
    static final double RTL_MIN_ALTITUDE_M = 30;
    static final double ACCEPTANCE_RADIUS_M = 2;
    static final double ALTITUDE_TOLERANCE_M = 1;
    private static final double SNAP_M = 0.3;
    private static final double SUBSTEP_S = 0.1;
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private final String droneId;
    private final LatLon home;
    private final double cruiseSpeedMps;
    private final Wind wind;
    private final double capacityFactor;
    private final Instant bootedAt;

    private double lat;
    private double lon;
    private double relAltitudeM;
    private double headingDeg;
    private double northMps;
    private double eastMps;
    private double upMps;
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

    private double takeoffAltitudeM = TAKEOFF_ALTITUDE_M;
    private double rtlAltitudeM = RTL_MIN_ALTITUDE_M;
    private double maxSpeedMps = DEFAULT_MAX_SPEED_MPS;
    private List<FencePolygon> fence = List.of();

    private boolean gpsOk = true;
    private boolean linkUp = true;
    private boolean linkLossHandled;
    private double linkLostS;
    private boolean telemetryStalled;
    private boolean missionMismatch;
    private long statusSeq;
    private String statusText = "";
    private int flightCount;

    /** A drone in calm air at 15 °C. */
    public SimDrone(String droneId, LatLon home, double cruiseSpeedMps, Instant start) {
        this(droneId, home, cruiseSpeedMps, start, Wind.CALM, 15);
    }

    public SimDrone(String droneId, LatLon home, double cruiseSpeedMps, Instant start, Wind wind, double ambientTempC) {
        this.droneId = droneId;
        this.home = home;
        this.cruiseSpeedMps = cruiseSpeedMps;
        this.wind = wind;
        this.capacityFactor = capacityFactor(ambientTempC);
        this.lat = home.lat();
        this.lon = home.lon();
        this.legSpeedMps = cruiseSpeedMps;
        this.now = start;
        this.bootedAt = start;
    }

    /**
     * Share of its rated capacity a LiPo battery delivers at {@code ambientTempC}: all of it at 15 °C and above,
     * about three quarters at −18 °C, never less than half.
     */
    public static double capacityFactor(double ambientTempC) {
        return Math.max(0.5, Math.min(1, 1 - 0.0075 * (15 - ambientTempC)));
    }

    /** Electrical power relative to cruise in calm air: hover costs less, fast airspeed and climbing cost more. */
    static double relativePower(double airspeedMps, double upMps) {
        return 0.85 + 0.0015 * airspeedMps * airspeedMps + 0.05 * Math.max(0, upMps);
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
                missionFinished, northMps, eastMps, -upMps, gpsOk, linkUp, telemetryStalled, statusSeq, statusText,
                Duration.between(bootedAt, now).toMillis(), flightCount);
    }

    // ---- failure injection ----

    /** The battery is now at {@code fraction} (0..1). */
    public synchronized void injectBatteryFraction(double fraction) {
        battery = Math.max(0, Math.min(1, fraction));
    }

    public synchronized void setGpsOk(boolean ok) {
        if (gpsOk != ok) {
            status(ok ? "GPS fix regained" : "GPS fix lost");
        }
        gpsOk = ok;
    }

    public synchronized void setLinkUp(boolean up) {
        if (up && !linkUp) {
            LOG.info("link regained droneId={} afterS={}", droneId, Math.round(linkLostS));
        } else if (!up && linkUp) {
            LOG.info("link lost droneId={}", droneId);
            linkLostS = 0;
            linkLossHandled = false;
        }
        linkUp = up;
    }

    public synchronized void setTelemetryStalled(boolean stalled) {
        telemetryStalled = stalled;
    }

    /** While set, a mission read back lacks its last waypoint (the gRPC mission services ask). */
    public synchronized void setMissionMismatch(boolean mismatch) {
        missionMismatch = mismatch;
    }

    public synchronized boolean missionMismatch() {
        return missionMismatch;
    }

    public synchronized boolean linkUp() {
        return linkUp;
    }

    public synchronized boolean cameraOn() {
        return cameraOn;
    }

    // ---- parameters ----

    public synchronized CommandResult setTakeoffAltitude(double altitudeM) {
        if (!(altitudeM >= 1 && altitudeM <= 120)) {
            return CommandResult.INVALID_ARGUMENT;
        }
        takeoffAltitudeM = altitudeM;
        return CommandResult.SUCCESS;
    }

    public synchronized double takeoffAltitudeM() {
        return takeoffAltitudeM;
    }

    public synchronized CommandResult setRtlAltitude(double altitudeM) {
        if (!(altitudeM >= 0 && altitudeM <= 500)) {
            return CommandResult.INVALID_ARGUMENT;
        }
        rtlAltitudeM = altitudeM;
        return CommandResult.SUCCESS;
    }

    public synchronized double rtlAltitudeM() {
        return rtlAltitudeM;
    }

    public synchronized CommandResult setMaximumSpeed(double speedMps) {
        if (!(speedMps >= 0.5 && speedMps <= MAX_SPEED_LIMIT_MPS)) {
            return CommandResult.INVALID_ARGUMENT;
        }
        maxSpeedMps = speedMps;
        return CommandResult.SUCCESS;
    }

    public synchronized double maximumSpeedMps() {
        return maxSpeedMps;
    }

    // ---- geofence ----

    public synchronized CommandResult uploadGeofence(List<FencePolygon> polygons) {
        fence = List.copyOf(polygons);
        return CommandResult.SUCCESS;
    }

    public synchronized CommandResult clearGeofence() {
        fence = List.of();
        return CommandResult.SUCCESS;
    }

    public synchronized List<FencePolygon> geofence() {
        return fence;
    }

    // ---- mission ----

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

    public synchronized CommandResult setCurrentMissionItem(int index) {
        if (index < 0 || index >= mission.size()) {
            return CommandResult.INVALID_ARGUMENT;
        }
        missionCurrent = index;
        missionFinished = false;
        return CommandResult.SUCCESS;
    }

    public synchronized void setReturnAfterMission(boolean enable) {
        returnAfterMission = enable;
    }

    public synchronized boolean returnAfterMission() {
        return returnAfterMission;
    }

    // ---- commands (answers follow PX4's habits closely enough for the MAVSDK client) ----

    public synchronized CommandResult arm() {
        if (armed) {
            return CommandResult.SUCCESS;
        }
        if (!gpsOk) {
            status("Arming denied: no GPS fix");
            return CommandResult.DENIED;
        }
        if (battery < MIN_ARM_BATTERY) {
            LOG.info("arm refused droneId={} battery={}", droneId, battery);
            status("Arming denied: battery low");
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
        if (armed) {
            flightCount++;
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
        targetAltitudeM = takeoffAltitudeM;
        inAir = true;
        return CommandResult.SUCCESS;
    }

    public synchronized CommandResult startMission() {
        if (mission.isEmpty()) {
            return CommandResult.NO_MISSION;
        }
        if (!armed || !gpsOk) {
            return CommandResult.DENIED;
        }
        for (int i = 0; i < mission.size(); i++) {
            SimWaypoint item = mission.get(i);
            if (FencePolygon.violated(fence, item.lat(), item.lon())) {
                status("Mission rejected: item " + i + " violates the geofence");
                return CommandResult.FENCE_VIOLATION;
            }
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
        if (!armed || !inAir || !gpsOk) {
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
     * Advances this drone by {@code dtS} simulated seconds ending at {@code at}, in sub-steps of at most 0.1 s.
     *
     * @return the ground track flown during the step: start and end position (equal when not moving)
     */
    public synchronized Leg step(double dtS, Instant at) {
        LatLon from = new LatLon(lat, lon);
        double altitudeBefore = relAltitudeM;
        boolean cameraSeen = inAir && cameraOn;
        double tS = Duration.between(bootedAt, now).toNanos() / 1e9;
        double left = dtS;
        while (left > 1e-9) {
            double dt = Math.min(SUBSTEP_S, left);
            tS += dt;
            substep(dt, tS);
            cameraSeen |= inAir && cameraOn;
            left -= dt;
        }
        now = at;
        return new Leg(from, new LatLon(lat, lon), altitudeBefore, relAltitudeM, headingDeg, cameraSeen);
    }

    /** The ground track and camera state of one world step. */
    public record Leg(LatLon from, LatLon to, double fromAltitudeM, double toAltitudeM, double headingDeg,
                      boolean cameraOn) {
    }

    private void substep(double dt, double tS) {
        if (!linkUp) {
            linkLostS += dt;
        }
        if (inAir) {
            double windN = wind.northMps(tS);
            double windE = wind.eastMps(tS);
            double airspeed = Math.hypot(northMps - windN, eastMps - windE);
            battery = Math.max(0, battery - dt / ENDURANCE_S * relativePower(airspeed, upMps) / capacityFactor);
            applyFailsafes();
            control(dt, windN, windE);
            groundedS = 0;
        } else if (armed) {
            battery = Math.max(0, battery - dt / ENDURANCE_S * 0.05 / capacityFactor);
        } else {
            groundedS += dt;
            if (groundedS >= BATTERY_SWAP_S && battery < 1.0) {
                LOG.debug("battery swapped droneId={} was={}", droneId, battery);
                battery = 1.0;
            }
        }
    }

    private void applyFailsafes() {
        if (battery <= CRITICAL_BATTERY_LAND && mode != FlightMode.LAND) {
            LOG.warn("critical battery, landing droneId={} battery={}", droneId, battery);
            status("Critical battery: landing");
            mode = FlightMode.LAND;
        } else if (!gpsOk && mode != FlightMode.LAND) {
            LOG.warn("GPS lost in flight, landing droneId={}", droneId);
            status("Failsafe: no position estimate, landing");
            mode = FlightMode.LAND;
        } else if (battery < LOW_BATTERY_RTL && mode != FlightMode.RETURN_TO_LAUNCH && mode != FlightMode.LAND) {
            LOG.warn("low battery, returning droneId={} battery={}", droneId, battery);
            status("Low battery: returning to launch");
            beginReturn();
        } else if (!linkUp && !linkLossHandled && linkLostS > LINK_LOSS_TIMEOUT_S) {
            linkLossHandled = true;
            if (mode != FlightMode.RETURN_TO_LAUNCH && mode != FlightMode.LAND) {
                LOG.warn("link lost beyond timeout, returning droneId={} lostS={}", droneId, Math.round(linkLostS));
                status("Failsafe: no datalink, returning to launch");
                beginReturn();
            }
        } else if (!fence.isEmpty() && mode != FlightMode.RETURN_TO_LAUNCH && mode != FlightMode.LAND
                && FencePolygon.violated(fence, lat, lon)) {
            LOG.warn("geofence breached, returning droneId={} lat={} lon={}", droneId, lat, lon);
            status("Geofence violated: returning to launch");
            beginReturn();
        }
    }

    private void status(String text) {
        statusSeq++;
        statusText = text;
    }

    private void beginReturn() {
        mode = FlightMode.RETURN_TO_LAUNCH;
        targetAltitudeM = Math.max(relAltitudeM, rtlAltitudeM);
    }

    /** One controller step: pick the target for the mode, then move with the limits. */
    private void control(double dt, double windN, double windE) {
        switch (mode) {
            case TAKEOFF -> {
                hover(dt);
                if (climb(targetAltitudeM, dt)) {
                    mode = FlightMode.HOLD;
                }
            }
            case MISSION -> flyMission(dt, windN, windE);
            case RETURN_TO_LAUNCH -> flyHome(dt, windN, windE);
            case LAND -> land(dt, windN, windE);
            case HOLD, READY -> {
                hover(dt);
                climb(relAltitudeM, dt);
            }
        }
    }

    private void flyMission(double dt, double windN, double windE) {
        if (missionCurrent >= mission.size()) {
            finishMission();
            return;
        }
        SimWaypoint item = mission.get(missionCurrent);
        if (climbingToFirstItem) {
            hover(dt);
            if (climb(item.relAltitudeM(), dt) || Math.abs(item.relAltitudeM() - relAltitudeM) < ALTITUDE_TOLERANCE_M) {
                climbingToFirstItem = false;
            }
            return;
        }
        boolean last = missionCurrent == mission.size() - 1;
        double cornerMps = last ? 0 : cornerSpeed(item, mission.get(missionCurrent + 1));
        double distanceM = fly(item.lat(), item.lon(), Math.min(legSpeedMps, maxSpeedMps), cornerMps, dt, windN, windE);
        climb(item.relAltitudeM(), dt);
        if (distanceM <= ACCEPTANCE_RADIUS_M && Math.abs(item.relAltitudeM() - relAltitudeM) < ALTITUDE_TOLERANCE_M) {
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
    }

    /** How fast to pass an item: slower the sharper the turn onto the next leg (PX4 slows for corners). */
    private double cornerSpeed(SimWaypoint item, SimWaypoint next) {
        double inN = Math.toRadians(item.lat() - lat);
        double inE = Math.toRadians(item.lon() - lon) * Math.cos(Math.toRadians(lat));
        double outN = Math.toRadians(next.lat() - item.lat());
        double outE = Math.toRadians(next.lon() - item.lon()) * Math.cos(Math.toRadians(lat));
        double inLen = Math.hypot(inN, inE);
        double outLen = Math.hypot(outN, outE);
        if (inLen == 0 || outLen == 0) {
            return 0;
        }
        double cos = (inN * outN + inE * outE) / (inLen * outLen);
        return Math.min(legSpeedMps, maxSpeedMps) * Math.max(0.15, (1 + cos) / 2);
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

    private void flyHome(double dt, double windN, double windE) {
        if (relAltitudeM < targetAltitudeM - ALTITUDE_TOLERANCE_M) {
            hover(dt);
            climb(targetAltitudeM, dt);
            return;
        }
        double distanceM = fly(home.lat(), home.lon(), Math.min(cruiseSpeedMps, maxSpeedMps), 0, dt, windN, windE);
        climb(targetAltitudeM, dt);
        if (distanceM < SNAP_M) {
            lat = home.lat();
            lon = home.lon();
            northMps = 0;
            eastMps = 0;
            mode = FlightMode.LAND;
        }
    }

    private void land(double dt, double windN, double windE) {
        if (gpsOk) {
            hover(dt);
        } else {
            // no position estimate: the vehicle cannot hold its place and drifts with the air
            accelerateTowards(windN, windE, dt);
            move(dt);
        }
        upMps = -DESCENT_MPS;
        relAltitudeM = Math.max(0, relAltitudeM - DESCENT_MPS * dt);
        if (relAltitudeM <= 0) {
            relAltitudeM = 0;
            upMps = 0;
            northMps = 0;
            eastMps = 0;
            inAir = false;
            if (armed) {
                flightCount++;
            }
            armed = false;
            mode = FlightMode.READY;
            cameraOn = true;
            climbingToFirstItem = false;
            LOG.debug("landed droneId={} battery={}", droneId, battery);
        }
    }

    /** Brakes to a stop over the ground (the controller holds position against the wind). */
    private void hover(double dt) {
        accelerateTowards(0, 0, dt);
        move(dt);
    }

    /**
     * Flies towards a point at up to {@code speedMps}, arriving at {@code arrivalMps}, within the acceleration
     * and airspeed limits; returns the horizontal distance left.
     */
    private double fly(double tLat, double tLon, double speedMps, double arrivalMps, double dt, double windN,
                       double windE) {
        double north = Math.toRadians(tLat - lat) * EARTH_RADIUS_M;
        double east = Math.toRadians(tLon - lon) * EARTH_RADIUS_M * Math.cos(Math.toRadians(lat));
        double distanceM = Math.hypot(north, east);
        if (distanceM < 1e-6) {
            hover(dt);
            return 0;
        }
        double uN = north / distanceM;
        double uE = east / distanceM;
        double desired = Math.min(speedMps, Math.sqrt(arrivalMps * arrivalMps + 2 * ACCELERATION_MPS2 * distanceM));
        // into a strong wind the vehicle cannot exceed its maximum airspeed
        double along = windN * uN + windE * uE;
        double cross = Math.abs(windN * uE - windE * uN);
        double reachable = cross >= MAX_AIRSPEED_MPS ? 0 : along + Math.sqrt(MAX_AIRSPEED_MPS * MAX_AIRSPEED_MPS - cross * cross);
        desired = Math.max(0, Math.min(desired, reachable));
        accelerateTowards(uN * desired, uE * desired, dt);
        double stepM = Math.hypot(northMps, eastMps) * dt;
        if (stepM >= distanceM && arrivalMps == 0) {
            lat = tLat;
            lon = tLon;
            northMps = 0;
            eastMps = 0;
            return 0;
        }
        move(dt);
        headingDeg = (Math.toDegrees(Math.atan2(eastMps, northMps)) + 360) % 360;
        double n2 = Math.toRadians(tLat - lat) * EARTH_RADIUS_M;
        double e2 = Math.toRadians(tLon - lon) * EARTH_RADIUS_M * Math.cos(Math.toRadians(lat));
        return Math.hypot(n2, e2);
    }

    private void accelerateTowards(double wantN, double wantE, double dt) {
        double dN = wantN - northMps;
        double dE = wantE - eastMps;
        double dv = Math.hypot(dN, dE);
        double max = ACCELERATION_MPS2 * dt;
        if (dv <= max) {
            northMps = wantN;
            eastMps = wantE;
        } else {
            northMps += dN / dv * max;
            eastMps += dE / dv * max;
        }
    }

    private void move(double dt) {
        lat += Math.toDegrees(northMps * dt / EARTH_RADIUS_M);
        lon += Math.toDegrees(eastMps * dt / (EARTH_RADIUS_M * Math.cos(Math.toRadians(lat))));
    }

    /** Climbs or descends towards an altitude within the vertical limits; true once there. */
    private boolean climb(double altitudeM, double dt) {
        double dz = altitudeM - relAltitudeM;
        double want = Math.max(-DESCENT_MPS, Math.min(CLIMB_MPS, dz * 1.5));
        double dv = want - upMps;
        double max = VERTICAL_ACCELERATION_MPS2 * dt;
        upMps += Math.max(-max, Math.min(max, dv));
        double next = relAltitudeM + upMps * dt;
        if ((dz >= 0 && next >= altitudeM) || (dz <= 0 && next <= altitudeM) || Math.abs(dz) < 0.02) {
            relAltitudeM = altitudeM;
            upMps = 0;
            return true;
        }
        relAltitudeM = Math.max(0, next);
        return false;
    }
}
