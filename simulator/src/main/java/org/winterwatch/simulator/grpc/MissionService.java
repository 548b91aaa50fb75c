package org.winterwatch.simulator.grpc;

import io.grpc.stub.StreamObserver;
import io.mavsdk.mission.MissionProto;
import io.mavsdk.mission.MissionServiceGrpc;
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
 * MAVSDK Mission: upload/download/clear, start/pause, set current item, progress, is-finished,
 * return-to-launch after mission. An ArduPilot vehicle refuses the plugin's upload and download with
 * {@code UNSUPPORTED} (use MissionRaw); a lost link answers {@code TIMEOUT}.
 */
final class MissionService extends MissionServiceGrpc.MissionServiceImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(MissionService.class);

    private final SimDrone drone;
    private final TelemetryFanout fanout;
    /** The plan exactly as uploaded, so a download returns what the client sent. */
    private volatile MissionProto.MissionPlan uploaded = MissionProto.MissionPlan.getDefaultInstance();

    private final Autopilot autopilot;

    MissionService(SimDrone drone, TelemetryFanout fanout, Autopilot autopilot) {
        this.drone = drone;
        this.fanout = fanout;
        this.autopilot = autopilot;
    }

    /** The answer when the command cannot even be tried, or null. */
    private MissionProto.MissionResult refusal(boolean needsMissionProtocol) {
        if (!drone.linkUp()) {
            return MissionResults.of(MissionProto.MissionResult.Result.RESULT_TIMEOUT, "no answer from the vehicle (link lost)");
        }
        if (needsMissionProtocol && autopilot == Autopilot.ARDUPILOT) {
            return MissionResults.of(MissionProto.MissionResult.Result.RESULT_UNSUPPORTED,
                    "ArduPilot does not support the Mission plugin; use MissionRaw");
        }
        return null;
    }

    @Override
    public void uploadMission(MissionProto.UploadMissionRequest request,
                              StreamObserver<MissionProto.UploadMissionResponse> observer) {
        MissionProto.MissionResult result = refusal(true);
        if (result != null) {
            reply(observer, MissionProto.UploadMissionResponse.newBuilder().setMissionResult(result).build());
            return;
        }
        try {
            List<SimWaypoint> items = toWaypoints(request.getMissionPlan());
            CommandResult answer = drone.uploadMission(items);
            if (answer.ok()) {
                uploaded = request.getMissionPlan();
            }
            result = result(answer, "mission of " + items.size() + " items");
        } catch (IllegalArgumentException e) {
            result = MissionResults.of(MissionProto.MissionResult.Result.RESULT_INVALID_ARGUMENT, e.getMessage());
        }
        LOG.debug("upload droneId={} result={}", drone.droneId(), result.getResult());
        reply(observer, MissionProto.UploadMissionResponse.newBuilder().setMissionResult(result).build());
    }

    @Override
    public void downloadMission(MissionProto.DownloadMissionRequest request,
                                StreamObserver<MissionProto.DownloadMissionResponse> observer) {
        MissionProto.DownloadMissionResponse.Builder response = MissionProto.DownloadMissionResponse.newBuilder();
        MissionProto.MissionResult refused = refusal(true);
        if (refused != null) {
            response.setMissionResult(refused);
        } else if (drone.mission().isEmpty()) {
            response.setMissionResult(MissionResults.of(MissionProto.MissionResult.Result.RESULT_NO_MISSION_AVAILABLE,
                    "no mission on the vehicle"));
        } else {
            // every item of the Mission plugin is a waypoint: a mismatch drops the last one
            MissionProto.MissionPlan plan = uploaded;
            response.setMissionResult(MissionResults.success()).setMissionPlan(drone.missionMismatch()
                    ? plan.toBuilder().removeMissionItems(plan.getMissionItemsCount() - 1).build() : plan);
        }
        reply(observer, response.build());
    }

    @Override
    public void clearMission(MissionProto.ClearMissionRequest request,
                             StreamObserver<MissionProto.ClearMissionResponse> observer) {
        CommandResult answer = drone.linkUp() ? drone.clearMission() : CommandResult.TIMEOUT;
        if (answer.ok()) {
            uploaded = MissionProto.MissionPlan.getDefaultInstance();
        }
        reply(observer, MissionProto.ClearMissionResponse.newBuilder().setMissionResult(result(answer, "clear")).build());
    }

    @Override
    public void startMission(MissionProto.StartMissionRequest request,
                             StreamObserver<MissionProto.StartMissionResponse> observer) {
        CommandResult answer = drone.linkUp() ? drone.startMission() : CommandResult.TIMEOUT;
        LOG.debug("start droneId={} result={}", drone.droneId(), answer);
        reply(observer, MissionProto.StartMissionResponse.newBuilder().setMissionResult(result(answer, "start")).build());
    }

    @Override
    public void pauseMission(MissionProto.PauseMissionRequest request,
                             StreamObserver<MissionProto.PauseMissionResponse> observer) {
        CommandResult answer = drone.linkUp() ? drone.pauseMission() : CommandResult.TIMEOUT;
        reply(observer, MissionProto.PauseMissionResponse.newBuilder().setMissionResult(result(answer, "pause")).build());
    }

    @Override
    public void setCurrentMissionItem(MissionProto.SetCurrentMissionItemRequest request,
                                      StreamObserver<MissionProto.SetCurrentMissionItemResponse> observer) {
        CommandResult answer = drone.linkUp() ? drone.setCurrentMissionItem(request.getIndex()) : CommandResult.TIMEOUT;
        reply(observer, MissionProto.SetCurrentMissionItemResponse.newBuilder()
                .setMissionResult(result(answer, "item index " + request.getIndex() + " of " + drone.mission().size()))
                .build());
    }

    @Override
    public void isMissionFinished(MissionProto.IsMissionFinishedRequest request,
                                  StreamObserver<MissionProto.IsMissionFinishedResponse> observer) {
        reply(observer, MissionProto.IsMissionFinishedResponse.newBuilder()
                .setMissionResult(MissionResults.success())
                .setIsFinished(drone.snapshot().missionFinished())
                .build());
    }

    @Override
    public void subscribeMissionProgress(MissionProto.SubscribeMissionProgressRequest request,
                                         StreamObserver<MissionProto.MissionProgressResponse> observer) {
        fanout.open(observer, s -> !s.linkUp() || s.telemetryStalled() ? null : MissionProto.MissionProgressResponse.newBuilder()
                .setMissionProgress(MissionProto.MissionProgress.newBuilder()
                        .setCurrent(s.missionCurrent())
                        .setTotal(s.missionTotal()))
                .build());
    }

    @Override
    public void getReturnToLaunchAfterMission(MissionProto.GetReturnToLaunchAfterMissionRequest request,
                                              StreamObserver<MissionProto.GetReturnToLaunchAfterMissionResponse> observer) {
        reply(observer, MissionProto.GetReturnToLaunchAfterMissionResponse.newBuilder()
                .setMissionResult(MissionResults.success())
                .setEnable(drone.returnAfterMission())
                .build());
    }

    @Override
    public void setReturnToLaunchAfterMission(MissionProto.SetReturnToLaunchAfterMissionRequest request,
                                              StreamObserver<MissionProto.SetReturnToLaunchAfterMissionResponse> observer) {
        drone.setReturnAfterMission(request.getEnable());
        reply(observer, MissionProto.SetReturnToLaunchAfterMissionResponse.newBuilder()
                .setMissionResult(MissionResults.success()).build());
    }

    static List<SimWaypoint> toWaypoints(MissionProto.MissionPlan plan) {
        List<SimWaypoint> items = new ArrayList<>(plan.getMissionItemsCount());
        for (int i = 0; i < plan.getMissionItemsCount(); i++) {
            MissionProto.MissionItem item = plan.getMissionItems(i);
            double speed = item.getSpeedMS();
            try {
                items.add(new SimWaypoint(item.getLatitudeDeg(), item.getLongitudeDeg(), item.getRelativeAltitudeM(),
                        Double.isFinite(speed) && speed > 0 ? speed : Double.NaN, camera(item.getCameraAction())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("mission item " + i + ": " + e.getMessage(), e);
            }
        }
        return items;
    }

    private static CameraCommand camera(MissionProto.MissionItem.CameraAction action) {
        return switch (action) {
            case CAMERA_ACTION_START_VIDEO, CAMERA_ACTION_START_PHOTO_INTERVAL, CAMERA_ACTION_START_PHOTO_DISTANCE ->
                    CameraCommand.START;
            case CAMERA_ACTION_STOP_VIDEO, CAMERA_ACTION_STOP_PHOTO_INTERVAL, CAMERA_ACTION_STOP_PHOTO_DISTANCE ->
                    CameraCommand.STOP;
            default -> CameraCommand.NONE;
        };
    }

    static MissionProto.MissionResult result(CommandResult answer, String what) {
        return switch (answer) {
            case SUCCESS -> MissionResults.success();
            case NO_MISSION -> MissionResults.of(MissionProto.MissionResult.Result.RESULT_NO_MISSION_AVAILABLE,
                    "no mission uploaded");
            case BUSY -> MissionResults.of(MissionProto.MissionResult.Result.RESULT_BUSY, "vehicle is flying a mission");
            case TOO_MANY_ITEMS -> MissionResults.of(MissionProto.MissionResult.Result.RESULT_TOO_MANY_MISSION_ITEMS,
                    "at most " + SimDrone.MAX_MISSION_ITEMS + " items");
            case INVALID_ARGUMENT -> MissionResults.of(MissionProto.MissionResult.Result.RESULT_INVALID_ARGUMENT, what);
            case DENIED, DENIED_NOT_LANDED -> MissionResults.of(MissionProto.MissionResult.Result.RESULT_ERROR,
                    what + " denied: vehicle not armed or without position");
            case FENCE_VIOLATION -> MissionResults.of(MissionProto.MissionResult.Result.RESULT_ERROR,
                    what + " denied: the mission violates the geofence");
            case TIMEOUT -> MissionResults.of(MissionProto.MissionResult.Result.RESULT_TIMEOUT,
                    "no answer from the vehicle (link lost)");
        };
    }

    private static <T> void reply(StreamObserver<T> observer, T response) {
        observer.onNext(response);
        observer.onCompleted();
    }

    /** MissionResult builders. */
    static final class MissionResults {
        private MissionResults() {
        }

        static MissionProto.MissionResult success() {
            return of(MissionProto.MissionResult.Result.RESULT_SUCCESS, "Success");
        }

        static MissionProto.MissionResult of(MissionProto.MissionResult.Result code, String text) {
            return MissionProto.MissionResult.newBuilder().setResult(code).setResultStr(text).build();
        }
    }
}
