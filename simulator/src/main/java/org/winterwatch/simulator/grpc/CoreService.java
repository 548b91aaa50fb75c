package org.winterwatch.simulator.grpc;

import io.grpc.stub.StreamObserver;
import io.mavsdk.core.CoreProto;
import io.mavsdk.core.CoreServiceGrpc;

/**
 * MAVSDK Core: connected while the simulated MAVLink link is up; a lost link reports disconnected, as
 * {@code mavsdk_server} does when heartbeats stop. A stalled endpoint sends nothing at all.
 */
final class CoreService extends CoreServiceGrpc.CoreServiceImplBase {

    private static final CoreProto.ConnectionStateResponse DISCONNECTED = CoreProto.ConnectionStateResponse.newBuilder()
            .setConnectionState(CoreProto.ConnectionState.newBuilder().setIsConnected(false))
            .build();
    private static final CoreProto.ConnectionStateResponse CONNECTED = CoreProto.ConnectionStateResponse.newBuilder()
            .setConnectionState(CoreProto.ConnectionState.newBuilder().setIsConnected(true))
            .build();

    private final TelemetryFanout fanout;

    CoreService(TelemetryFanout fanout) {
        this.fanout = fanout;
    }

    @Override
    public void subscribeConnectionState(CoreProto.SubscribeConnectionStateRequest request,
                                         StreamObserver<CoreProto.ConnectionStateResponse> observer) {
        fanout.open(observer, s -> s.telemetryStalled() ? null : s.linkUp() ? CONNECTED : DISCONNECTED);
    }

    @Override
    public void setMavlinkTimeout(CoreProto.SetMavlinkTimeoutRequest request,
                                  StreamObserver<CoreProto.SetMavlinkTimeoutResponse> observer) {
        observer.onNext(CoreProto.SetMavlinkTimeoutResponse.getDefaultInstance());
        observer.onCompleted();
    }
}
