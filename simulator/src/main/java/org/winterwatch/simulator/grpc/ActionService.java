package org.winterwatch.simulator.grpc;

import io.grpc.stub.StreamObserver;
import io.mavsdk.action.ActionProto;
import io.mavsdk.action.ActionServiceGrpc;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.simulator.flight.CommandResult;
import org.winterwatch.simulator.flight.SimDrone;

/**
 * MAVSDK Action: arm, disarm, takeoff, land, return to launch, hold, and the takeoff altitude, return
 * altitude and maximum speed parameters. While the link is lost every command answers {@code TIMEOUT}.
 */
final class ActionService extends ActionServiceGrpc.ActionServiceImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(ActionService.class);

    private final SimDrone drone;

    ActionService(SimDrone drone) {
        this.drone = drone;
    }

    @Override
    public void arm(ActionProto.ArmRequest request, StreamObserver<ActionProto.ArmResponse> observer) {
        answer("arm", drone::arm, r -> ActionProto.ArmResponse.newBuilder().setActionResult(r).build(), observer);
    }

    @Override
    public void disarm(ActionProto.DisarmRequest request, StreamObserver<ActionProto.DisarmResponse> observer) {
        answer("disarm", drone::disarm, r -> ActionProto.DisarmResponse.newBuilder().setActionResult(r).build(), observer);
    }

    @Override
    public void takeoff(ActionProto.TakeoffRequest request, StreamObserver<ActionProto.TakeoffResponse> observer) {
        answer("takeoff", drone::takeoff, r -> ActionProto.TakeoffResponse.newBuilder().setActionResult(r).build(), observer);
    }

    @Override
    public void land(ActionProto.LandRequest request, StreamObserver<ActionProto.LandResponse> observer) {
        answer("land", drone::land, r -> ActionProto.LandResponse.newBuilder().setActionResult(r).build(), observer);
    }

    @Override
    public void returnToLaunch(ActionProto.ReturnToLaunchRequest request,
                               StreamObserver<ActionProto.ReturnToLaunchResponse> observer) {
        answer("return to launch", drone::returnToLaunch,
                r -> ActionProto.ReturnToLaunchResponse.newBuilder().setActionResult(r).build(), observer);
    }

    @Override
    public void hold(ActionProto.HoldRequest request, StreamObserver<ActionProto.HoldResponse> observer) {
        answer("hold", drone::hold, r -> ActionProto.HoldResponse.newBuilder().setActionResult(r).build(), observer);
    }

    @Override
    public void getTakeoffAltitude(ActionProto.GetTakeoffAltitudeRequest request,
                                   StreamObserver<ActionProto.GetTakeoffAltitudeResponse> observer) {
        CommandResult answer = readable();
        reply(observer, ActionProto.GetTakeoffAltitudeResponse.newBuilder()
                .setActionResult(result("get takeoff altitude", answer))
                .setAltitude((float) drone.takeoffAltitudeM()).build());
    }

    @Override
    public void setTakeoffAltitude(ActionProto.SetTakeoffAltitudeRequest request,
                                   StreamObserver<ActionProto.SetTakeoffAltitudeResponse> observer) {
        answer("set takeoff altitude", () -> drone.setTakeoffAltitude(request.getAltitude()),
                r -> ActionProto.SetTakeoffAltitudeResponse.newBuilder().setActionResult(r).build(), observer);
    }

    @Override
    public void getReturnToLaunchAltitude(ActionProto.GetReturnToLaunchAltitudeRequest request,
                                          StreamObserver<ActionProto.GetReturnToLaunchAltitudeResponse> observer) {
        CommandResult answer = readable();
        reply(observer, ActionProto.GetReturnToLaunchAltitudeResponse.newBuilder()
                .setActionResult(result("get return altitude", answer))
                .setRelativeAltitudeM((float) drone.rtlAltitudeM()).build());
    }

    @Override
    public void setReturnToLaunchAltitude(ActionProto.SetReturnToLaunchAltitudeRequest request,
                                          StreamObserver<ActionProto.SetReturnToLaunchAltitudeResponse> observer) {
        answer("set return altitude", () -> drone.setRtlAltitude(request.getRelativeAltitudeM()),
                r -> ActionProto.SetReturnToLaunchAltitudeResponse.newBuilder().setActionResult(r).build(), observer);
    }

    @Override
    public void getMaximumSpeed(ActionProto.GetMaximumSpeedRequest request,
                                StreamObserver<ActionProto.GetMaximumSpeedResponse> observer) {
        CommandResult answer = readable();
        reply(observer, ActionProto.GetMaximumSpeedResponse.newBuilder()
                .setActionResult(result("get maximum speed", answer))
                .setSpeed((float) drone.maximumSpeedMps()).build());
    }

    @Override
    public void setMaximumSpeed(ActionProto.SetMaximumSpeedRequest request,
                                StreamObserver<ActionProto.SetMaximumSpeedResponse> observer) {
        answer("set maximum speed", () -> drone.setMaximumSpeed(request.getSpeed()),
                r -> ActionProto.SetMaximumSpeedResponse.newBuilder().setActionResult(r).build(), observer);
    }

    private <T> void answer(String command, Supplier<CommandResult> action,
                            Function<ActionProto.ActionResult, T> response, StreamObserver<T> observer) {
        CommandResult answer = drone.linkUp() ? action.get() : CommandResult.TIMEOUT;
        LOG.debug("action droneId={} command={} result={}", drone.droneId(), command, answer);
        reply(observer, response.apply(result(command, answer)));
    }

    private static <T> void reply(StreamObserver<T> observer, T response) {
        observer.onNext(response);
        observer.onCompleted();
    }

    static ActionProto.ActionResult result(String command, CommandResult answer) {
        ActionProto.ActionResult.Result code = switch (answer) {
            case SUCCESS -> ActionProto.ActionResult.Result.RESULT_SUCCESS;
            case DENIED, NO_MISSION, TOO_MANY_ITEMS, FENCE_VIOLATION -> ActionProto.ActionResult.Result.RESULT_COMMAND_DENIED;
            case INVALID_ARGUMENT -> ActionProto.ActionResult.Result.RESULT_PARAMETER_ERROR;
            case DENIED_NOT_LANDED -> ActionProto.ActionResult.Result.RESULT_COMMAND_DENIED_NOT_LANDED;
            case BUSY -> ActionProto.ActionResult.Result.RESULT_BUSY;
            case TIMEOUT -> ActionProto.ActionResult.Result.RESULT_TIMEOUT;
        };
        String text = answer.ok() ? "Success" : command + " refused (" + answer.name().toLowerCase().replace('_', ' ') + ")";
        return ActionProto.ActionResult.newBuilder().setResult(code).setResultStr(text).build();
    }

    /** A parameter read answers while the link is up, and times out as MAVSDK does while it is lost. */
    private CommandResult readable() {
        return drone.linkUp() ? CommandResult.SUCCESS : CommandResult.TIMEOUT;
    }
}
