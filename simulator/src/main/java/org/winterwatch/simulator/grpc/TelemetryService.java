package org.winterwatch.simulator.grpc;

import io.grpc.stub.StreamObserver;
import io.mavsdk.telemetry.TelemetryProto;
import io.mavsdk.telemetry.TelemetryServiceGrpc;
import org.winterwatch.simulator.flight.DroneSnapshot;

/**
 * MAVSDK Telemetry streams rendered from the drone's snapshots. While the simulated link is lost or
 * the endpoint stalls, the streams stay open and silent, as they do behind a real {@code mavsdk_server}.
 */
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
        fanout.open(observer, live(s -> TelemetryProto.PositionResponse.newBuilder()
                .setPosition(position(s.lat(), s.lon(), s.relAltitudeM())).build()));
    }

    @Override
    public void subscribeHome(TelemetryProto.SubscribeHomeRequest request,
                              StreamObserver<TelemetryProto.HomeResponse> observer) {
        fanout.open(observer, live(s -> TelemetryProto.HomeResponse.newBuilder()
                .setHome(position(s.homeLat(), s.homeLon(), 0)).build()));
    }

    @Override
    public void subscribeBattery(TelemetryProto.SubscribeBatteryRequest request,
                                 StreamObserver<TelemetryProto.BatteryResponse> observer) {
        fanout.open(observer, live(s -> TelemetryProto.BatteryResponse.newBuilder()
                .setBattery(TelemetryProto.Battery.newBuilder()
                        .setId(0)
                        .setRemainingPercent((float) s.batteryFraction())
                        .setVoltageV((float) (EMPTY_VOLTAGE_V + (FULL_VOLTAGE_V - EMPTY_VOLTAGE_V) * s.batteryFraction())))
                .build()));
    }

    @Override
    public void subscribeArmed(TelemetryProto.SubscribeArmedRequest request,
                               StreamObserver<TelemetryProto.ArmedResponse> observer) {
        fanout.open(observer, live(s -> TelemetryProto.ArmedResponse.newBuilder().setIsArmed(s.armed()).build()));
    }

    @Override
    public void subscribeInAir(TelemetryProto.SubscribeInAirRequest request,
                               StreamObserver<TelemetryProto.InAirResponse> observer) {
        fanout.open(observer, live(s -> TelemetryProto.InAirResponse.newBuilder().setIsInAir(s.inAir()).build()));
    }

    @Override
    public void subscribeLandedState(TelemetryProto.SubscribeLandedStateRequest request,
                                     StreamObserver<TelemetryProto.LandedStateResponse> observer) {
        fanout.open(observer, live(s -> TelemetryProto.LandedStateResponse.newBuilder()
                .setLandedState(landedState(s)).build()));
    }

    @Override
    public void subscribeFlightMode(TelemetryProto.SubscribeFlightModeRequest request,
                                    StreamObserver<TelemetryProto.FlightModeResponse> observer) {
        fanout.open(observer, live(s -> TelemetryProto.FlightModeResponse.newBuilder()
                .setFlightMode(flightMode(s)).build()));
    }

    @Override
    public void subscribeHeading(TelemetryProto.SubscribeHeadingRequest request,
                                 StreamObserver<TelemetryProto.HeadingResponse> observer) {
        fanout.open(observer, live(s -> TelemetryProto.HeadingResponse.newBuilder()
                .setHeadingDeg(TelemetryProto.Heading.newBuilder().setHeadingDeg(s.headingDeg())).build()));
    }

    @Override
    public void subscribeHealth(TelemetryProto.SubscribeHealthRequest request,
                                StreamObserver<TelemetryProto.HealthResponse> observer) {
        fanout.open(observer, live(s -> TelemetryProto.HealthResponse.newBuilder()
                .setHealth(TelemetryProto.Health.newBuilder()
                        .setIsGyrometerCalibrationOk(true)
                        .setIsAccelerometerCalibrationOk(true)
                        .setIsMagnetometerCalibrationOk(true)
                        .setIsLocalPositionOk(s.gpsOk())
                        .setIsGlobalPositionOk(s.gpsOk())
                        .setIsHomePositionOk(true)
                        .setIsArmable(s.armable()))
                .build()));
    }

    @Override
    public void subscribeHealthAllOk(TelemetryProto.SubscribeHealthAllOkRequest request,
                                     StreamObserver<TelemetryProto.HealthAllOkResponse> observer) {
        fanout.open(observer, live(s -> TelemetryProto.HealthAllOkResponse.newBuilder()
                .setIsHealthAllOk(s.gpsOk() && (s.armable() || s.inAir())).build()));
    }

    @Override
    public void subscribeVelocityNed(TelemetryProto.SubscribeVelocityNedRequest request,
                                     StreamObserver<TelemetryProto.VelocityNedResponse> observer) {
        fanout.open(observer, live(s -> TelemetryProto.VelocityNedResponse.newBuilder()
                .setVelocityNed(TelemetryProto.VelocityNed.newBuilder()
                        .setNorthMS((float) s.northMps())
                        .setEastMS((float) s.eastMps())
                        .setDownMS((float) s.downMps()))
                .build()));
    }

    @Override
    public void subscribeGpsInfo(TelemetryProto.SubscribeGpsInfoRequest request,
                                 StreamObserver<TelemetryProto.GpsInfoResponse> observer) {
        fanout.open(observer, live(s -> TelemetryProto.GpsInfoResponse.newBuilder()
                .setGpsInfo(TelemetryProto.GpsInfo.newBuilder()
                        .setNumSatellites(s.gpsOk() ? 14 : 0)
                        .setFixType(s.gpsOk() ? TelemetryProto.FixType.FIX_TYPE_FIX_3D : TelemetryProto.FixType.FIX_TYPE_NO_FIX))
                .build()));
    }

    @Override
    public void subscribeAttitudeEuler(TelemetryProto.SubscribeAttitudeEulerRequest request,
                                       StreamObserver<TelemetryProto.AttitudeEulerResponse> observer) {
        fanout.open(observer, live(s -> TelemetryProto.AttitudeEulerResponse.newBuilder()
                .setAttitudeEuler(TelemetryProto.EulerAngle.newBuilder()
                        .setRollDeg(0)
                        .setPitchDeg((float) (-Math.min(20, s.groundSpeedMps() * 1.2)))
                        .setYawDeg((float) (s.headingDeg() > 180 ? s.headingDeg() - 360 : s.headingDeg()))
                        .setTimestampUs(s.bootMillis() * 1000))
                .build()));
    }

    /** Status texts (PX4's STATUSTEXT): failsafes and refusals, sent once each. */
    @Override
    public void subscribeStatusText(TelemetryProto.SubscribeStatusTextRequest request,
                                    StreamObserver<TelemetryProto.StatusTextResponse> observer) {
        long openedAt = fanout.latest().statusSeq();
        fanout.openEvents(observer, live(s -> s.statusSeq() <= openedAt ? null : TelemetryProto.StatusTextResponse.newBuilder()
                .setStatusText(TelemetryProto.StatusText.newBuilder()
                        .setType(TelemetryProto.StatusTextType.STATUS_TEXT_TYPE_WARNING)
                        .setText(s.statusText()))
                .build()));
    }

    @Override
    public void setRatePosition(TelemetryProto.SetRatePositionRequest request,
                                StreamObserver<TelemetryProto.SetRatePositionResponse> observer) {
        reply(observer, TelemetryProto.SetRatePositionResponse.newBuilder().setTelemetryResult(rate(request.getRateHz())).build());
    }

    @Override
    public void setRateBattery(TelemetryProto.SetRateBatteryRequest request,
                               StreamObserver<TelemetryProto.SetRateBatteryResponse> observer) {
        reply(observer, TelemetryProto.SetRateBatteryResponse.newBuilder().setTelemetryResult(rate(request.getRateHz())).build());
    }

    @Override
    public void setRateVelocityNed(TelemetryProto.SetRateVelocityNedRequest request,
                                   StreamObserver<TelemetryProto.SetRateVelocityNedResponse> observer) {
        reply(observer, TelemetryProto.SetRateVelocityNedResponse.newBuilder().setTelemetryResult(rate(request.getRateHz())).build());
    }

    /** Streams are pushed at a fixed 10 Hz; a requested rate is acknowledged when it is sensible. */
    private static TelemetryProto.TelemetryResult rate(double hz) {
        boolean ok = Double.isFinite(hz) && hz >= 0 && hz <= 1000;
        return TelemetryProto.TelemetryResult.newBuilder()
                .setResult(ok ? TelemetryProto.TelemetryResult.Result.RESULT_SUCCESS : TelemetryProto.TelemetryResult.Result.RESULT_COMMAND_DENIED)
                .setResultStr(ok ? "Success" : "rate must be within 0..1000 Hz")
                .build();
    }

    private static <T> void reply(StreamObserver<T> observer, T response) {
        observer.onNext(response);
        observer.onCompleted();
    }

    /** Nothing is sent while the link is lost or the endpoint stalls. */
    private static <T> java.util.function.Function<DroneSnapshot, T> live(java.util.function.Function<DroneSnapshot, T> render) {
        return s -> s.linkUp() && !s.telemetryStalled() ? render.apply(s) : null;
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
