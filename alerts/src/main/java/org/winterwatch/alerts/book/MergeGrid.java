package org.winterwatch.alerts.book;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alert ids on a latitude/longitude grid whose cells are at least the merge radius tall and wide, so that every
 * alert within the merge radius of a point lies in the point's cell or a neighbouring one. Folding a detection
 * then looks at a handful of alerts, however many are active across the city.
 */
final class MergeGrid {

    private static final double METRES_PER_DEGREE = 111_320;
    /** Near the poles a metre is many degrees of longitude; past this many cells the row is scanned whole. */
    private static final int MAX_LON_CELLS = 64;

    private final double cellDeg;
    private final Map<Cell, Set<String>> cells = new HashMap<>();
    private final Map<String, Cell> cellOf = new HashMap<>();

    MergeGrid(double radiusM) {
        if (!(radiusM > 0)) {
            throw new IllegalArgumentException("merge radius must be positive, was " + radiusM);
        }
        this.cellDeg = radiusM / METRES_PER_DEGREE;
    }

    void put(String id, double lat, double lon) {
        Cell key = new Cell(row(lat), wrap(column(lon)));
        Cell old = cellOf.put(id, key);
        if (key.equals(old)) {
            return;
        }
        if (old != null) {
            removeFrom(old, id);
        }
        cells.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
    }

    void remove(String id) {
        Cell old = cellOf.remove(id);
        if (old != null) {
            removeFrom(old, id);
        }
    }

    void clear() {
        cells.clear();
        cellOf.clear();
    }

    /** Ids of alerts that may be within the radius of this point (a superset; the caller measures). */
    List<String> near(double lat, double lon) {
        List<String> out = new ArrayList<>();
        long row = row(lat);
        // A cell is cellDeg of longitude wide, which is fewer metres away from the equator: look further east-west.
        double cos = Math.cos(Math.toRadians(Math.min(89.9, Math.abs(lat) + cellDeg)));
        int span = (int) Math.min(MAX_LON_CELLS, Math.ceil(1 / cos));
        long column = column(lon);
        for (long r = row - 1; r <= row + 1; r++) {
            for (long c = column - span; c <= column + span; c++) {
                Set<String> ids = cells.get(new Cell(r, wrap(c)));
                if (ids != null) {
                    out.addAll(ids);
                }
            }
        }
        return out;
    }

    int size() {
        return cellOf.size();
    }

    private void removeFrom(Cell key, String id) {
        Set<String> ids = cells.get(key);
        if (ids != null) {
            ids.remove(id);
            if (ids.isEmpty()) {
                cells.remove(key);
            }
        }
    }

    private long row(double lat) {
        return (long) Math.floor(lat / cellDeg);
    }

    private long column(double lon) {
        return (long) Math.floor(lon / cellDeg);
    }

    /** Columns east of 180° continue at -180°. */
    private long wrap(long column) {
        long columns = (long) Math.ceil(360 / cellDeg);
        long west = (long) Math.floor(-180 / cellDeg);
        return Math.floorMod(column - west, columns) + west;
    }

    private record Cell(long row, long column) {
    }
}
