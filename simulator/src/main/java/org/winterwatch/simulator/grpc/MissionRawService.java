package org.winterwatch.simulator.grpc;

import io.grpc.stub.StreamObserver;
import io.mavsdk.mission_raw.MissionRawProto;
import io.mavsdk.mission_raw.MissionRawServiceGrpc;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.simulator.flight.CameraCommand;
import org.winterwatch.simulator.flight.CommandResult;
import org.winterwatch.simulator.flight.SimDrone;
import org.winterwatch.simulator.flight.SimWaypoint;
import org.winterwatch.simulator.world.Autopilot;

/**
 * MAVSDK MissionRaw: MAVLink mission items as they are, the way to fly an ArduPilot vehicle. Understands
 * {@code NAV_WAYPOINT}, {@code NAV_TAKEOFF}, {@code NAV_RETURN_TO_LAUNCH} (return after the mission),
 * {@code DO_CHANGE_SPEED} and video start/stop; other {@code DO_*} items are kept and skipped, other
 * {@code NAV_*} items are refused as {@code UNSUPPORTED}. On ArduPilot item 0 is the home position.
 * Progress is reported in raw sequence numbers.
 */
final class MissionRawService extends MissionRawServiceGrpc.MissionRawServiceImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(MissionRawService.class);
    static final int NAV_WAYPOINT = 16;
    static final int NAV_RETURN_TO_LAUNCH = 20;
    static final int NAV_TAKEOFF = 22;
    static final int DO_CHANGE_SPEED = 178;
    static final int VIDEO_START_CAPTURE = 2500;
    static final int VIDEO_STOP_CAPTURE = 2501;
    private static final int FIRST_DO_COMMAND = 80;

    private final SimDrone drone;
    private final TelemetryFanout fanout;
    private final Autopilot autopilot;
    private volatile List<MissionRawProto.MissionItem> uploaded = List.of();
    /** Raw sequence number of each waypoint the drone flies. */
    private volatile int[] seqOfWaypoint = new int[0];

    MissionRawService(SimDrone drone, TelemetryFanout fanout, Autopilot autopilot) {
        this.drone = drone;
        this.fanout = fanout;
        this.autopilot = autopilot;
    }

    @Override
    public void uploadMission(MissionRawProto.UploadMissionRequest request,
                              StreamObserver<MissionRawProto.UploadMissionResponse> observer) {
        MissionRawProto.MissionRawResult result;
        if (!drone.linkUp()) {
            result = of(MissionRawProto.MissionRawResult.Result.RESULT_TIMEOUT, "no answer from the vehicle (link lost)");
        } else {
            try {
                Parsed parsed = parse(request.getMissionItemsList());
                CommandResult answer = drone.uploadMission(parsed.waypoints());
                if (answer.ok()) {
                    drone.setReturnAfterMission(parsed.returnAfter());
                    uploaded = List.copyOf(request.getMissionItemsList());
                    seqOfWaypoint = parsed.seqs();
                }
                result = result(answer);
            } catch (UnsupportedOperationException e) {
                result = of(MissionRawProto.MissionRawResult.Result.RESULT_UNSUPPORTED, e.getMessage());
            } catch (IllegalArgumentException e) {
                result = of(MissionRawProto.MissionRawResult.Result.RESULT_INVALID_ARGUMENT, e.getMessage());
            }
        }
        LOG.debug("raw upload droneId={} items={} result={}", drone.droneId(), request.getMissionItemsCount(), result.getResult());
        reply(observer, MissionRawProto.UploadMissionResponse.newBuilder().setMissionRawResult(result).build());
    }

    @Override
    public void downloadMission(MissionRawProto.DownloadMissionRequest request,
                                StreamObserver<MissionRawProto.DownloadMissionResponse> observer) {
        MissionRawProto.DownloadMissionResponse.Builder response = MissionRawProto.DownloadMissionResponse.newBuilder();
        if (!drone.linkUp()) {
            response.setMissionRawResult(of(MissionRawProto.MissionRawResult.Result.RESULT_TIMEOUT, "no answer from the vehicle (link lost)"));
        } else if (drone.mission().isEmpty()) {
            response.setMissionRawResult(of(MissionRawProto.MissionRawResult.Result.RESULT_NO_MISSION_AVAILABLE, "no mission on the vehicle"));
        } else {
            response.setMissionRawResult(success()).addAllMissionItems(readBack());
        }
        reply(observer, response.build());
    }

    /** The items as stored: as uploaded, or without the last waypoint while a mission mismatch is injected. */
    private List<MissionRawProto.MissionItem> readBack() {
        List<MissionRawProto.MissionItem> items = uploaded;
        if (!drone.missionMismatch()) {
            return items;
        }
        List<MissionRawProto.MissionItem> stored = new ArrayList<>(items);
        for (int i = stored.size() - 1; i >= 0; i--) {
            if (stored.get(i).getCommand() == NAV_WAYPOINT) {
                stored.remove(i);
                break;
            }
        }
        return stored;
    }

    @Override
    public void startMission(MissionRawProto.StartMissionRequest request,
                             StreamObserver<MissionRawProto.StartMissionResponse> observer) {
        CommandResult answer = drone.linkUp() ? drone.startMission() : CommandResult.TIMEOUT;
        reply(observer, MissionRawProto.StartMissionResponse.newBuilder().setMissionRawResult(result(answer)).build());
    }

    @Override
    public void pauseMission(MissionRawProto.PauseMissionRequest request,
                             StreamObserver<MissionRawProto.PauseMissionResponse> observer) {
        CommandResult answer = drone.linkUp() ? drone.pauseMission() : CommandResult.TIMEOUT;
        reply(observer, MissionRawProto.PauseMissionResponse.newBuilder().setMissionRawResult(result(answer)).build());
    }

    @Override
    public void clearMission(MissionRawProto.ClearMissionRequest request,
                             StreamObserver<MissionRawProto.ClearMissionResponse> observer) {
        CommandResult answer = drone.linkUp() ? drone.clearMission() : CommandResult.TIMEOUT;
        if (answer.ok()) {
            uploaded = List.of();
            seqOfWaypoint = new int[0];
        }
        reply(observer, MissionRawProto.ClearMissionResponse.newBuilder().setMissionRawResult(result(answer)).build());
    }

    @Override
    public void setCurrentMissionItem(MissionRawProto.SetCurrentMissionItemRequest request,
                                      StreamObserver<MissionRawProto.SetCurrentMissionItemResponse> observer) {
        CommandResult answer = CommandResult.INVALID_ARGUMENT;
        int[] seqs = seqOfWaypoint;
        for (int i = 0; i < seqs.length; i++) {
            if (seqs[i] >= request.getIndex()) {
                answer = drone.setCurrentMissionItem(i);
                break;
            }
        }
        if (!drone.linkUp()) {
            answer = CommandResult.TIMEOUT;
        }
        reply(observer, MissionRawProto.SetCurrentMissionItemResponse.newBuilder().setMissionRawResult(result(answer)).build());
    }

    @Override
    public void subscribeMissionProgress(MissionRawProto.SubscribeMissionProgressRequest request,
                                         StreamObserver<MissionRawProto.MissionProgressResponse> observer) {
        fanout.open(observer, s -> {
            if (!s.linkUp() || s.telemetryStalled()) {
                return null;
            }
            int[] seqs = seqOfWaypoint;
            int total = uploaded.size();
            int current = s.missionCurrent() < seqs.length ? seqs[s.missionCurrent()] : total;
            return MissionRawProto.MissionProgressResponse.newBuilder()
                    .setMissionProgress(MissionRawProto.MissionProgress.newBuilder().setCurrent(current).setTotal(total))
                    .build();
        });
    }

    /** The waypoints of a raw mission, the raw sequence number of each, and whether it ends with a return. */
    record Parsed(List<SimWaypoint> waypoints, int[] seqs, boolean returnAfter) {
    }

    Parsed parse(List<MissionRawProto.MissionItem> items) {
        List<SimWaypoint> waypoints = new ArrayList<>();
        List<Integer> seqs = new ArrayList<>();
        boolean returnAfter = false;
        int first = autopilot == Autopilot.ARDUPILOT ? 1 : 0;
        for (int i = first; i < items.size(); i++) {
            MissionRawProto.MissionItem item = items.get(i);
            int command = item.getCommand();
            int last = waypoints.size() - 1;
            switch (command) {
                case NAV_WAYPOINT -> {
                    try {
                        waypoints.add(new SimWaypoint(item.getX() / 1e7, item.getY() / 1e7, item.getZ(), Double.NaN,
                                CameraCommand.NONE));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("mission item " + i + ": " + e.getMessage(), e);
                    }
                    seqs.add(i);
                }
                case NAV_TAKEOFF -> {
                    // the drone climbs to the first waypoint's altitude on its own
                }
                case NAV_RETURN_TO_LAUNCH -> returnAfter = true;
                case DO_CHANGE_SPEED -> {
                    if (last >= 0 && item.getParam2() > 0) {
                        SimWaypoint w = waypoints.get(last);
                        waypoints.set(last, new SimWaypoint(w.lat(), w.lon(), w.relAltitudeM(), item.getParam2(), w.camera()));
                    }
                }
                case VIDEO_START_CAPTURE, VIDEO_STOP_CAPTURE -> {
                    if (last >= 0) {
                        SimWaypoint w = waypoints.get(last);
                        waypoints.set(last, new SimWaypoint(w.lat(), w.lon(), w.relAltitudeM(), w.speedMps(),
                                command == VIDEO_START_CAPTURE ? CameraCommand.START : CameraCommand.STOP));
                    }
                }
                default -> {
                    if (command < FIRST_DO_COMMAND) {
                        throw new UnsupportedOperationException("mission item " + i + ": command " + command + " is not supported");
                    }
                }
            }
        }
        return new Parsed(waypoints, seqs.stream().mapToInt(Integer::intValue).toArray(), returnAfter);
    }

    private static MissionRawProto.MissionRawResult result(CommandResult answer) {
        return switch (answer) {
            case SUCCESS -> success();
            case NO_MISSION -> of(MissionRawProto.MissionRawResult.Result.RESULT_NO_MISSION_AVAILABLE, "no mission uploaded");
            case BUSY -> of(MissionRawProto.MissionRawResult.Result.RESULT_BUSY, "vehicle is flying a mission");
            case TOO_MANY_ITEMS -> of(MissionRawProto.MissionRawResult.Result.RESULT_TOO_MANY_MISSION_ITEMS,
                    "at most " + SimDrone.MAX_MISSION_ITEMS + " items");
            case INVALID_ARGUMENT -> of(MissionRawProto.MissionRawResult.Result.RESULT_INVALID_ARGUMENT, "invalid argument");
            case DENIED, DENIED_NOT_LANDED -> of(MissionRawProto.MissionRawResult.Result.RESULT_ERROR,
                    "denied: vehicle not armed or without position");
            case FENCE_VIOLATION -> of(MissionRawProto.MissionRawResult.Result.RESULT_ERROR, "denied: the mission violates the geofence");
            case TIMEOUT -> of(MissionRawProto.MissionRawResult.Result.RESULT_TIMEOUT, "no answer from the vehicle (link lost)");
        };
    }

    private static MissionRawProto.MissionRawResult success() {
        return of(MissionRawProto.MissionRawResult.Result.RESULT_SUCCESS, "Success");
    }

    private static MissionRawProto.MissionRawResult of(MissionRawProto.MissionRawResult.Result code, String text) {
        return MissionRawProto.MissionRawResult.newBuilder().setResult(code).setResultStr(text).build();
    }

    private static <T> void reply(StreamObserver<T> observer, T response) {
        observer.onNext(response);
        observer.onCompleted();
    }
}
