package org.winterwatch.simulator.grpc;

import io.grpc.stub.StreamObserver;
import io.mavsdk.telemetry.TelemetryProto;
import io.mavsdk.telemetry.TelemetryServiceGrpc;
import org.winterwatch.simulator.flight.DroneSnapshot;
import org.winterwatch.simulator.flight.SimDrone;

/** MAVSDK Telemetry streams rendered from the drone's snapshots. */
final class TelemetryService extends TelemetryServiceGrpc.TelemetryServiceImplBase {

    /** Ground elevation at the launch point, for absolute (AMSL) altitudes. */
    static final double HOME_AMSL_M = 1040;
    private static final double FULL_VOLTAGE_V = 16.8;
    private static final double EMPTY_VOLTAGE_V = 14.0;

    private final TelemetryFanout fanout;

    TelemetryService(TelemetryFanout fanout) {
        this.fanout = fanout;
    }

    @Override
    public void subscribePosition(TelemetryProto.SubscribePositionRequest request,
                                  StreamObserver<TelemetryProto.PositionResponse> observer) {
        fanout.open(observer, s -> TelemetryProto.PositionResponse.newBuilder()
                .setPosition(position(s.lat(), s.lon(), s.relAltitudeM())).build());
    }

    @Override
    public void subscribeHome(TelemetryProto.SubscribeHomeRequest request,
                              StreamObserver<TelemetryProto.HomeResponse> observer) {
        fanout.open(observer, s -> TelemetryProto.HomeResponse.newBuilder()
                .setHome(position(s.homeLat(), s.homeLon(), 0)).build());
    }

    @Override
    public void subscribeBattery(TelemetryProto.SubscribeBatteryRequest request,
                                 StreamObserver<TelemetryProto.BatteryResponse> observer) {
        fanout.open(observer, s -> TelemetryProto.BatteryResponse.newBuilder()
                .setBattery(TelemetryProto.Battery.newBuilder()
                        .setId(0)
                        .setRemainingPercent((float) s.batteryFraction())
                        .setVoltageV((float) (EMPTY_VOLTAGE_V + (FULL_VOLTAGE_V - EMPTY_VOLTAGE_V) * s.batteryFraction())))
                .build());
    }

    @Override
    public void subscribeArmed(TelemetryProto.SubscribeArmedRequest request,
                               StreamObserver<TelemetryProto.ArmedResponse> observer) {
        fanout.open(observer, s -> TelemetryProto.ArmedResponse.newBuilder().setIsArmed(s.armed()).build());
    }

    @Override
    public void subscribeInAir(TelemetryProto.SubscribeInAirRequest request,
                               StreamObserver<TelemetryProto.InAirResponse> observer) {
        fanout.open(observer, s -> TelemetryProto.InAirResponse.newBuilder().setIsInAir(s.inAir()).build());
    }

    @Override
    public void subscribeLandedState(TelemetryProto.SubscribeLandedStateRequest request,
                                     StreamObserver<TelemetryProto.LandedStateResponse> observer) {
        fanout.open(observer, s -> TelemetryProto.LandedStateResponse.newBuilder()
                .setLandedState(landedState(s)).build());
    }

    @Override
    public void subscribeFlightMode(TelemetryProto.SubscribeFlightModeRequest request,
                                    StreamObserver<TelemetryProto.FlightModeResponse> observer) {
        fanout.open(observer, s -> TelemetryProto.FlightModeResponse.newBuilder()
                .setFlightMode(flightMode(s)).build());
    }

    @Override
    public void subscribeHeading(TelemetryProto.SubscribeHeadingRequest request,
                                 StreamObserver<TelemetryProto.HeadingResponse> observer) {
        fanout.open(observer, s -> TelemetryProto.HeadingResponse.newBuilder()
                .setHeadingDeg(TelemetryProto.Heading.newBuilder().setHeadingDeg(s.headingDeg())).build());
    }

    @Override
    public void subscribeHealth(TelemetryProto.SubscribeHealthRequest request,
                                StreamObserver<TelemetryProto.HealthResponse> observer) {
        fanout.open(observer, s -> TelemetryProto.HealthResponse.newBuilder()
                .setHealth(TelemetryProto.Health.newBuilder()
                        .setIsGyrometerCalibrationOk(true)
                        .setIsAccelerometerCalibrationOk(true)
                        .setIsMagnetometerCalibrationOk(true)
                        .setIsLocalPositionOk(true)
                        .setIsGlobalPositionOk(true)
                        .setIsHomePositionOk(true)
                        .setIsArmable(armable(s)))
                .build());
    }

    @Override
    public void subscribeHealthAllOk(TelemetryProto.SubscribeHealthAllOkRequest request,
                                     StreamObserver<TelemetryProto.HealthAllOkResponse> observer) {
        fanout.open(observer, s -> TelemetryProto.HealthAllOkResponse.newBuilder()
                .setIsHealthAllOk(armable(s) || s.inAir()).build());
    }

    private static boolean armable(DroneSnapshot s) {
        return s.batteryFraction() >= SimDrone.MIN_ARM_BATTERY;
    }

    private static TelemetryProto.Position position(double lat, double lon, double relAltitudeM) {
        return TelemetryProto.Position.newBuilder()
                .setLatitudeDeg(lat)
                .setLongitudeDeg(lon)
                .setRelativeAltitudeM((float) relAltitudeM)
                .setAbsoluteAltitudeM((float) (HOME_AMSL_M + relAltitudeM))
                .build();
    }

    private static TelemetryProto.LandedState landedState(DroneSnapshot s) {
        if (!s.inAir()) {
            return TelemetryProto.LandedState.LANDED_STATE_ON_GROUND;
        }
        return switch (s.mode()) {
            case TAKEOFF -> TelemetryProto.LandedState.LANDED_STATE_TAKING_OFF;
            case LAND -> TelemetryProto.LandedState.LANDED_STATE_LANDING;
            default -> TelemetryProto.LandedState.LANDED_STATE_IN_AIR;
        };
    }

    static TelemetryProto.FlightMode flightMode(DroneSnapshot s) {
        return switch (s.mode()) {
            case READY -> s.armed() ? TelemetryProto.FlightMode.FLIGHT_MODE_READY : TelemetryProto.FlightMode.FLIGHT_MODE_HOLD;
            case TAKEOFF -> TelemetryProto.FlightMode.FLIGHT_MODE_TAKEOFF;
            case MISSION -> TelemetryProto.FlightMode.FLIGHT_MODE_MISSION;
            case HOLD -> TelemetryProto.FlightMode.FLIGHT_MODE_HOLD;
            case RETURN_TO_LAUNCH -> TelemetryProto.FlightMode.FLIGHT_MODE_RETURN_TO_LAUNCH;
            case LAND -> TelemetryProto.FlightMode.FLIGHT_MODE_LAND;
        };
    }
}
