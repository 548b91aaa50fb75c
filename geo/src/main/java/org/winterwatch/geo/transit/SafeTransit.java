package org.winterwatch.geo.transit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.site.Site;

/**
 * Keeps flight paths out of no-fly zones, in metres of one {@link LocalProjection}.
 *
 * <p>Each zone is widened by a safety margin. A straight leg that would cross a widened zone is
 * replaced by the shortest path around the zones (a visibility graph over the widened zones' corners);
 * a sweep path is cut where it enters a widened zone and its pieces are joined by such detours.
 * Instances are immutable and thread-safe.
 */
public final class SafeTransit {

    /** Default distance kept from every no-fly zone. */
    public static final double DEFAULT_MARGIN_M = 10;

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final double EPSILON_M = 1e-6;
    private static final int MAX_DETOURS = 64;
    /** Detours keep at least this share of the margin (the rest absorbs the corners' chords). */
    private static final double STRICT_SHARE = 0.9;

    private final List<Polygon> keepOut;
    private final Geometry keepOutUnion;
    private final PreparedGeometry keepOutPrepared;
    private final PreparedGeometry crossingPrepared;
    private final PreparedGeometry zonesPrepared;
    private final Geometry zones;
    private final List<Geometry> zoneList;
    private final List<String> zoneIds;
    private final double marginM;
    private final VisibilityGraph graph;
    private final PreparedGeometry strictPrepared;

    /** Zones given in metres of the caller's projection. */
    public SafeTransit(List<Geometry> noFlyZonesMetres, double marginM) {
        this(noFlyZonesMetres, null, marginM);
    }

    private SafeTransit(List<Geometry> noFlyZonesMetres, List<String> ids, double marginM) {
        Objects.requireNonNull(noFlyZonesMetres, "noFlyZonesMetres");
        if (!(marginM > 0)) {
            throw new IllegalArgumentException("marginM must be > 0, was " + marginM);
        }
        this.marginM = marginM;
        this.zoneList = List.copyOf(noFlyZonesMetres);
        this.zoneIds = ids == null ? noFlyZonesMetres.stream().map(z -> "zone").toList() : List.copyOf(ids);
        this.zones = UnaryUnionOp.union(noFlyZonesMetres, FACTORY);
        Geometry zones = this.zones == null ? FACTORY.createPolygon() : this.zones;
        this.zonesPrepared = PreparedGeometryFactory.prepare(zones);
        this.keepOutUnion = zones.buffer(marginM);
        this.keepOut = polygonsOf(keepOutUnion);
        this.keepOutPrepared = PreparedGeometryFactory.prepare(keepOutUnion);
        // legs that run along a widened outline must not count as crossing it
        this.crossingPrepared = PreparedGeometryFactory.prepare(zones.buffer(marginM / 2));
        // corners on a coarser outline at the full margin: chords between them keep 0.95 of it
        this.strictPrepared = PreparedGeometryFactory.prepare(zones.buffer(STRICT_SHARE * marginM));
        Geometry corners = zones.isEmpty() ? zones : zones.buffer(marginM, 3);
        this.graph = new VisibilityGraph(corners, this::isClearWithMargin);
    }

    /** The no-fly zones of a layer, projected; {@code noFlyZones} may also hold non-zone sites, which are ignored. */
    public static SafeTransit around(List<Site> noFlyZones, LocalProjection projection, double marginM) {
        List<Site> zones = noFlyZones.stream().filter(Site::isNoFlyZone).toList();
        List<Geometry> metres = zones.stream().map(s -> projection.toMetres(s.geometry())).toList();
        return new SafeTransit(metres, zones.stream().map(Site::id).toList(), marginM);
    }

    /** Distance kept from every zone, metres. */
    public double marginM() {
        return marginM;
    }

    /** All zones as one geometry, metres; empty when there are none. */
    public Geometry zones() {
        return zones == null ? FACTORY.createPolygon() : zones.copy();
    }

    /** The zones widened by the margin: where no path may go. */
    public Geometry keepOut() {
        return keepOutUnion.copy();
    }

    /** Ids of the zones that overlap {@code metres} (with some area or length), in layer order. */
    public List<String> zoneIdsOverlapping(Geometry metres) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < zoneList.size(); i++) {
            Geometry zone = zoneList.get(i);
            if (zone.getEnvelopeInternal().intersects(metres.getEnvelopeInternal()) && zone.intersects(metres)) {
                out.add(zoneIds.get(i));
            }
        }
        return out;
    }

    /** No zones at all: every leg is straight. */
    public static SafeTransit none() {
        return new SafeTransit(List.of(), DEFAULT_MARGIN_M);
    }

    /** True when {@code p} lies inside (or on the edge of) a no-fly zone itself, margin not counted. */
    public boolean isInsideZone(Coordinate p) {
        return zonesPrepared.intersects(FACTORY.createPoint(p));
    }

    /**
     * True when the straight leg keeps nearly the whole margin from every zone; a leg that starts or ends
     * closer (a sweep that ends at the margin, a home next to a zone) need only keep half of it.
     */
    private boolean isClearWithMargin(Coordinate from, Coordinate to) {
        if (keepOutUnion.isEmpty() || !strictPrepared.intersects(leg(from, to))) {
            return true;
        }
        boolean endInside = strictPrepared.intersects(FACTORY.createPoint(from))
                || strictPrepared.intersects(FACTORY.createPoint(to));
        return endInside && isClear(from, to);
    }

    /** True when the straight leg keeps at least half the margin away from every zone. */
    public boolean isClear(Coordinate from, Coordinate to) {
        return keepOutUnion.isEmpty() || !crossingPrepared.intersects(leg(from, to));
    }

    /**
     * The shortest flyable route from {@code from} to {@code to}, both included: straight when the leg is
     * clear, else through the corners of the widened zones.
     */
    public List<Coordinate> route(Coordinate from, Coordinate to) {
        if (isClearWithMargin(from, to)) {
            return from.distance(to) < EPSILON_M ? List.of(from) : List.of(from, to);
        }
        List<Coordinate> shortest = graph.shortestPath(from, to);
        return shortest != null ? shortest : bentAround(from, to);
    }

    /** The fallback when no corner path exists (an end enclosed by zones): along outlines, the shorter way. */
    private List<Coordinate> bentAround(Coordinate from, Coordinate to) {
        List<Coordinate> out = new ArrayList<>();
        out.add(from);
        Coordinate current = from;
        for (int detours = 0; detours < MAX_DETOURS && !isClear(current, to); detours++) {
            Coordinate start = current;
            LineString leg = leg(start, to);
            Crossing first = null;
            for (Polygon zone : keepOut) {
                Crossing crossing = Crossing.of(start, leg, zone);
                if (crossing != null && (first == null || crossing.entryM() < first.entryM())) {
                    first = crossing;
                }
            }
            if (first == null) {
                break;
            }
            appendAll(out, aroundOutline(first.zone().getExteriorRing(), first.entry(), first.exit()));
            current = first.exit();
        }
        append(out, to);
        return out;
    }

    /** True when some leg of {@code path} enters a widened zone (or its only point lies in one). */
    public boolean crosses(List<Coordinate> path) {
        if (keepOutUnion.isEmpty() || path.isEmpty()) {
            return false;
        }
        Geometry line = path.size() == 1 ? FACTORY.createPoint(path.get(0))
                : FACTORY.createLineString(path.toArray(Coordinate[]::new));
        return keepOutPrepared.intersects(line);
    }

    /** A copy of {@code path} that never enters a widened zone: cut where it would, pieces joined by detours. */
    public List<Coordinate> avoid(List<Coordinate> path) {
        List<List<Coordinate>> pieces = cut(path);
        List<Coordinate> out = new ArrayList<>();
        for (List<Coordinate> piece : pieces) {
            if (!out.isEmpty()) {
                appendAll(out, route(out.get(out.size() - 1), piece.get(0)));
            }
            appendAll(out, piece);
        }
        return out;
    }

    /** The parts of {@code path} outside every widened zone, in path order. */
    public List<List<Coordinate>> cut(List<Coordinate> path) {
        List<List<Coordinate>> pieces = new ArrayList<>();
        List<Coordinate> current = new ArrayList<>();
        for (int i = 0; i + 1 < path.size(); i++) {
            Coordinate a = path.get(i);
            Coordinate b = path.get(i + 1);
            if (a.distance(b) < EPSILON_M) {
                continue;
            }
            LineString segment = leg(a, b);
            List<Coordinate[]> outside = keepOutUnion.isEmpty() || !keepOutPrepared.intersects(segment)
                    ? List.<Coordinate[]>of(new Coordinate[] {a, b})
                    : outsideParts(segment, a);
            for (Coordinate[] part : outside) {
                if (!current.isEmpty() && current.get(current.size() - 1).distance(part[0]) < EPSILON_M) {
                    current.add(part[1]);
                } else {
                    flush(pieces, current);
                    current = new ArrayList<>(List.of(part[0], part[1]));
                }
            }
            if (outside.isEmpty() || outside.get(outside.size() - 1)[1].distance(b) > EPSILON_M) {
                flush(pieces, current);
                current = new ArrayList<>();
            }
        }
        if (path.size() == 1 && !isInsideKeepOut(path.get(0))) {
            current.add(path.get(0));
        }
        flush(pieces, current);
        return pieces;
    }

    private boolean isInsideKeepOut(Coordinate p) {
        return !keepOutUnion.isEmpty() && keepOutPrepared.intersects(FACTORY.createPoint(p));
    }

    private List<Coordinate[]> outsideParts(LineString segment, Coordinate a) {
        Geometry outside = segment.difference(keepOutUnion);
        List<Coordinate[]> parts = new ArrayList<>();
        for (int i = 0; i < outside.getNumGeometries(); i++) {
            Geometry g = outside.getGeometryN(i);
            if (g instanceof LineString line && line.getLength() > EPSILON_M) {
                Coordinate s = line.getCoordinateN(0);
                Coordinate e = line.getCoordinateN(line.getNumPoints() - 1);
                parts.add(s.distance(a) <= e.distance(a) ? new Coordinate[] {s, e} : new Coordinate[] {e, s});
            }
        }
        parts.sort(Comparator.comparingDouble(p -> p[0].distance(a)));
        return parts;
    }

    private static void flush(List<List<Coordinate>> pieces, List<Coordinate> current) {
        if (current.size() >= 2 || (current.size() == 1 && pieces.isEmpty())) {
            pieces.add(List.copyOf(current));
        }
    }

    /** The shorter way along a closed outline from {@code a} to {@code b} (both lie on it). */
    private static List<Coordinate> aroundOutline(LineString ring, Coordinate a, Coordinate b) {
        LengthIndexedLine indexed = new LengthIndexedLine(ring);
        double length = ring.getLength();
        double ia = indexed.project(a);
        double ib = indexed.project(b);
        List<Coordinate> forward = along(indexed, ia, ib, length);
        List<Coordinate> backward = along(indexed, ib, ia, length);
        List<Coordinate> reversed = new ArrayList<>(backward);
        java.util.Collections.reverse(reversed);
        List<Coordinate> best = lengthOf(forward) <= lengthOf(reversed) ? forward : reversed;
        List<Coordinate> out = new ArrayList<>();
        out.add(a);
        best.forEach(c -> append(out, c));
        append(out, b);
        return out;
    }

    private static List<Coordinate> along(LengthIndexedLine indexed, double from, double to, double length) {
        List<Coordinate> out = new ArrayList<>();
        if (from <= to) {
            out.addAll(List.of(indexed.extractLine(from, to).getCoordinates()));
        } else {
            out.addAll(List.of(indexed.extractLine(from, length).getCoordinates()));
            out.addAll(List.of(indexed.extractLine(0, to).getCoordinates()));
        }
        return out;
    }

    private static double lengthOf(List<Coordinate> path) {
        double sum = 0;
        for (int i = 0; i + 1 < path.size(); i++) {
            sum += path.get(i).distance(path.get(i + 1));
        }
        return sum;
    }

    private static void appendAll(List<Coordinate> out, List<Coordinate> more) {
        more.forEach(c -> append(out, c));
    }

    private static void append(List<Coordinate> out, Coordinate c) {
        if (out.isEmpty() || out.get(out.size() - 1).distance(c) > EPSILON_M) {
            out.add(c);
        }
    }

    private static LineString leg(Coordinate a, Coordinate b) {
        return FACTORY.createLineString(new Coordinate[] {a, b});
    }

    private static List<Polygon> polygonsOf(Geometry g) {
        List<Polygon> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /** Where a straight leg first enters and last leaves one widened zone. */
    private record Crossing(Polygon zone, Coordinate entry, Coordinate exit, double entryM) {

        static Crossing of(Coordinate start, LineString leg, Polygon zone) {
            Geometry inside = leg.intersection(zone);
            Coordinate entry = null;
            Coordinate exit = null;
            for (int i = 0; i < inside.getNumGeometries(); i++) {
                if (inside.getGeometryN(i) instanceof LineString part && part.getLength() > EPSILON_M) {
                    for (Coordinate c : part.getCoordinates()) {
                        if (entry == null || c.distance(start) < entry.distance(start)) {
                            entry = c;
                        }
                        if (exit == null || c.distance(start) > exit.distance(start)) {
                            exit = c;
                        }
                    }
                }
            }
            return entry == null ? null : new Crossing(zone, entry, exit, entry.distance(start));
        }
    }
}
