package org.winterwatch.simulator.grpc;

import io.grpc.stub.StreamObserver;
import io.mavsdk.info.InfoProto;
import io.mavsdk.info.InfoServiceGrpc;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.winterwatch.simulator.flight.DroneSnapshot;
import org.winterwatch.simulator.flight.SimDrone;
import org.winterwatch.simulator.world.Autopilot;

/**
 * MAVSDK Info: who the vehicle is. PX4 vehicles report flight software 1.13.3 and vendor {@code PX4};
 * ArduPilot vehicles report 4.3.7 and vendor {@code ArduPilot}, product {@code ArduCopter}. Boot time is
 * simulated time since start; the speed factor is the simulation's speed-up.
 */
final class InfoService extends InfoServiceGrpc.InfoServiceImplBase {

    private final SimDrone drone;
    private final Autopilot autopilot;
    private final double speedFactor;

    InfoService(SimDrone drone, Autopilot autopilot, double speedFactor) {
        this.drone = drone;
        this.autopilot = autopilot;
        this.speedFactor = speedFactor;
    }

    @Override
    public void getVersion(InfoProto.GetVersionRequest request, StreamObserver<InfoProto.GetVersionResponse> observer) {
        boolean ardupilot = autopilot == Autopilot.ARDUPILOT;
        reply(observer, InfoProto.GetVersionResponse.newBuilder().setInfoResult(success())
                .setVersion(InfoProto.Version.newBuilder()
                        .setFlightSwMajor(ardupilot ? 4 : 1)
                        .setFlightSwMinor(ardupilot ? 3 : 13)
                        .setFlightSwPatch(ardupilot ? 7 : 3)
                        .setOsSwMajor(ardupilot ? 0 : 11)
                        .setFlightSwGitHash(ardupilot ? "ww-sim-arducopter" : "ww-sim-px4")
                        .setOsSwGitHash("ww-sim"))
                .build());
    }

    @Override
    public void getProduct(InfoProto.GetProductRequest request, StreamObserver<InfoProto.GetProductResponse> observer) {
        boolean ardupilot = autopilot == Autopilot.ARDUPILOT;
        reply(observer, InfoProto.GetProductResponse.newBuilder().setInfoResult(success())
                .setProduct(InfoProto.Product.newBuilder()
                        .setVendorId(ardupilot ? 0x1209 : 0x26ac)
                        .setVendorName(ardupilot ? "ArduPilot" : "PX4")
                        .setProductId(ardupilot ? 0x5740 : 0x0011)
                        .setProductName(ardupilot ? "ArduCopter (WinterWatch simulator)" : "PX4 multicopter (WinterWatch simulator)"))
                .build());
    }

    @Override
    public void getIdentification(InfoProto.GetIdentificationRequest request,
                                  StreamObserver<InfoProto.GetIdentificationResponse> observer) {
        UUID uid = UUID.nameUUIDFromBytes(drone.droneId().getBytes(StandardCharsets.UTF_8));
        reply(observer, InfoProto.GetIdentificationResponse.newBuilder().setInfoResult(success())
                .setIdentification(InfoProto.Identification.newBuilder()
                        .setHardwareUid(uid.toString().replace("-", ""))
                        .setLegacyUid(uid.getMostSignificantBits() & Long.MAX_VALUE))
                .build());
    }

    @Override
    public void getFlightInformation(InfoProto.GetFlightInformationRequest request,
                                     StreamObserver<InfoProto.GetFlightInformationResponse> observer) {
        DroneSnapshot s = drone.snapshot();
        reply(observer, InfoProto.GetFlightInformationResponse.newBuilder().setInfoResult(success())
                .setFlightInfo(InfoProto.FlightInfo.newBuilder()
                        .setTimeBootMs((int) Math.min(0xFFFF_FFFFL, s.bootMillis()))
                        .setFlightUid(s.flightCount()))
                .build());
    }

    @Override
    public void getSpeedFactor(InfoProto.GetSpeedFactorRequest request, StreamObserver<InfoProto.GetSpeedFactorResponse> observer) {
        reply(observer, InfoProto.GetSpeedFactorResponse.newBuilder().setInfoResult(success()).setSpeedFactor(speedFactor).build());
    }

    private static InfoProto.InfoResult success() {
        return InfoProto.InfoResult.newBuilder().setResult(InfoProto.InfoResult.Result.RESULT_SUCCESS).setResultStr("Success").build();
    }

    private static <T> void reply(StreamObserver<T> observer, T response) {
        observer.onNext(response);
        observer.onCompleted();
    }
}
