package org.winterwatch.simulator.grpc;

import io.grpc.stub.StreamObserver;
import io.mavsdk.core.CoreProto;
import io.mavsdk.core.CoreServiceGrpc;

/** MAVSDK Core: a simulated drone is always connected while its server runs. */
final class CoreService extends CoreServiceGrpc.CoreServiceImplBase {

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
        fanout.open(observer, snapshot -> CONNECTED);
    }

    @Override
    public void setMavlinkTimeout(CoreProto.SetMavlinkTimeoutRequest request,
                                  StreamObserver<CoreProto.SetMavlinkTimeoutResponse> observer) {
        observer.onNext(CoreProto.SetMavlinkTimeoutResponse.getDefaultInstance());
        observer.onCompleted();
    }
}
