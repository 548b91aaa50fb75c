package org.winterwatch.drone;

import io.grpc.StatusRuntimeException;
import io.mavsdk.action.Action;
import io.mavsdk.mission.Mission;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/** Turns what MAVSDK-Java and gRPC throw into a {@link DroneLinkException} with a reason. */
final class MavsdkErrors {

    private MavsdkErrors() {
    }

    static DroneLinkException map(String droneId, String operation, Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof DroneLinkException known) {
            return known;
        }
        String what = droneId + ": " + operation;
        if (e instanceof TimeoutException) {
            return new DroneLinkException(DroneLinkException.Reason.TIMEOUT, what + " got no answer in time", "", e);
        }
        if (e instanceof Action.ActionException action) {
            String text = action.getCode() + ": " + action.getDescription();
            return new DroneLinkException(actionReason(action.getCode()), what + " failed: " + text, text, e);
        }
        if (e instanceof Mission.MissionException mission) {
            String text = mission.getCode() + ": " + mission.getDescription();
            return new DroneLinkException(missionReason(mission.getCode()), what + " failed: " + text, text, e);
        }
        if (e instanceof io.mavsdk.mission_raw.MissionRaw.MissionRawException raw) {
            String text = raw.getCode() + ": " + raw.getDescription();
            DroneLinkException.Reason reason = switch (raw.getCode()) {
                case TIMEOUT -> DroneLinkException.Reason.TIMEOUT;
                case NO_SYSTEM -> DroneLinkException.Reason.CONNECTION;
                default -> DroneLinkException.Reason.REFUSED;
            };
            return new DroneLinkException(reason, what + " failed: " + text, text, e);
        }
        if (e instanceof StatusRuntimeException status) {
            String text = status.getStatus().getCode() + ": " + status.getStatus().getDescription();
            return new DroneLinkException(DroneLinkException.Reason.CONNECTION, what + " failed: link down (" + text + ")", text, e);
        }
        return new DroneLinkException(DroneLinkException.Reason.CONNECTION, what + " failed: " + e, "", e);
    }

    static DroneLinkException.Reason actionReason(Action.ActionResult.Result code) {
        return switch (code) {
            case TIMEOUT -> DroneLinkException.Reason.TIMEOUT;
            case NO_SYSTEM, CONNECTION_ERROR -> DroneLinkException.Reason.CONNECTION;
            default -> DroneLinkException.Reason.REFUSED;
        };
    }

    static DroneLinkException.Reason missionReason(Mission.MissionResult.Result code) {
        return switch (code) {
            case TIMEOUT -> DroneLinkException.Reason.TIMEOUT;
            case NO_SYSTEM -> DroneLinkException.Reason.CONNECTION;
            default -> DroneLinkException.Reason.REFUSED;
        };
    }
}
