package org.winterwatch.simulator.grpc;

import io.grpc.stub.StreamObserver;
import io.mavsdk.geofence.GeofenceProto;
import io.mavsdk.geofence.GeofenceServiceGrpc;
import java.util.ArrayList;
import java.util.List;
import org.winterwatch.geo.LatLon;
import org.winterwatch.simulator.flight.FencePolygon;
import org.winterwatch.simulator.flight.SimDrone;

/**
 * MAVSDK Geofence: inclusion and exclusion polygons. The simulated autopilot enforces them as PX4 does
 * (GF_ACTION = return): a mission with an item outside the fence is refused at start, and a vehicle that
 * crosses the fence in flight returns to launch.
 */
final class GeofenceService extends GeofenceServiceGrpc.GeofenceServiceImplBase {

    static final int MAX_POLYGONS = 64;

    private final SimDrone drone;

    GeofenceService(SimDrone drone) {
        this.drone = drone;
    }

    @Override
    public void uploadGeofence(GeofenceProto.UploadGeofenceRequest request,
                               StreamObserver<GeofenceProto.UploadGeofenceResponse> observer) {
        GeofenceProto.GeofenceResult result;
        if (!drone.linkUp()) {
            result = of(GeofenceProto.GeofenceResult.Result.RESULT_TIMEOUT, "no answer from the vehicle (link lost)");
        } else if (request.getPolygonsCount() > MAX_POLYGONS) {
            result = of(GeofenceProto.GeofenceResult.Result.RESULT_TOO_MANY_GEOFENCE_ITEMS, "at most " + MAX_POLYGONS + " polygons");
        } else {
            try {
                drone.uploadGeofence(polygons(request.getPolygonsList()));
                result = of(GeofenceProto.GeofenceResult.Result.RESULT_SUCCESS, "Success");
            } catch (IllegalArgumentException e) {
                result = of(GeofenceProto.GeofenceResult.Result.RESULT_INVALID_ARGUMENT, e.getMessage());
            }
        }
        observer.onNext(GeofenceProto.UploadGeofenceResponse.newBuilder().setGeofenceResult(result).build());
        observer.onCompleted();
    }

    @Override
    public void clearGeofence(GeofenceProto.ClearGeofenceRequest request,
                              StreamObserver<GeofenceProto.ClearGeofenceResponse> observer) {
        GeofenceProto.GeofenceResult result = drone.linkUp()
                ? of(GeofenceProto.GeofenceResult.Result.RESULT_SUCCESS, drone.clearGeofence().ok() ? "Success" : "Error")
                : of(GeofenceProto.GeofenceResult.Result.RESULT_TIMEOUT, "no answer from the vehicle (link lost)");
        observer.onNext(GeofenceProto.ClearGeofenceResponse.newBuilder().setGeofenceResult(result).build());
        observer.onCompleted();
    }

    static List<FencePolygon> polygons(List<GeofenceProto.Polygon> polygons) {
        List<FencePolygon> fences = new ArrayList<>();
        for (int i = 0; i < polygons.size(); i++) {
            GeofenceProto.Polygon polygon = polygons.get(i);
            try {
                List<LatLon> points = new ArrayList<>();
                for (GeofenceProto.Point p : polygon.getPointsList()) {
                    points.add(new LatLon(p.getLatitudeDeg(), p.getLongitudeDeg()));
                }
                fences.add(new FencePolygon(points,
                        polygon.getFenceType() == GeofenceProto.Polygon.FenceType.FENCE_TYPE_INCLUSION));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("polygon " + i + ": " + e.getMessage(), e);
            }
        }
        return fences;
    }

    private static GeofenceProto.GeofenceResult of(GeofenceProto.GeofenceResult.Result code, String text) {
        return GeofenceProto.GeofenceResult.newBuilder().setResult(code).setResultStr(text).build();
    }
}
