package org.winterwatch.coordinator.fleet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Which drones are busy, and with what: each drone has at most one holder (a sweep chain, an inspection).
 * A sweep waits in line for its drone; an inspection takes a free drone or none. Thread-safe; futures are
 * completed outside the lock, so their continuations never run under it.
 */
final class DroneClaims {

    /** One holding of one drone; releasing it frees the drone only while it is still the holder. */
    static final class Claim {
        private final String droneId;
        private final String purpose;

        private Claim(String droneId, String purpose) {
            this.droneId = droneId;
            this.purpose = purpose;
        }

        String droneId() {
            return droneId;
        }

        String purpose() {
            return purpose;
        }
    }

    private record Waiting(Claim claim, CompletableFuture<Claim> granted) {
    }

    private final Map<String, Claim> holders = new HashMap<>();
    private final Map<String, Deque<Waiting>> lines = new HashMap<>();

    /** The drone for {@code purpose} now if it is free, else empty. */
    synchronized Optional<Claim> tryClaim(String droneId, String purpose) {
        if (holders.containsKey(droneId)) {
            return Optional.empty();
        }
        Claim claim = new Claim(droneId, purpose);
        holders.put(droneId, claim);
        return Optional.of(claim);
    }

    /** The drone for {@code purpose} as soon as it is free (at once when it is); holders queue in call order. */
    CompletableFuture<Claim> claim(String droneId, String purpose) {
        Claim claim = new Claim(droneId, purpose);
        synchronized (this) {
            if (holders.containsKey(droneId)) {
                CompletableFuture<Claim> granted = new CompletableFuture<>();
                lines.computeIfAbsent(droneId, id -> new ArrayDeque<>()).add(new Waiting(claim, granted));
                return granted;
            }
            holders.put(droneId, claim);
        }
        return CompletableFuture.completedFuture(claim);
    }

    /** What holds {@code droneId} now, if anything. */
    synchronized Optional<String> holder(String droneId) {
        return Optional.ofNullable(holders.get(droneId)).map(Claim::purpose);
    }

    /** Frees the claim's drone (handing it to the next in line) if the claim still holds it. */
    void release(Claim claim) {
        Objects.requireNonNull(claim, "claim");
        Waiting next;
        synchronized (this) {
            if (holders.get(claim.droneId()) != claim) {
                return;
            }
            holders.remove(claim.droneId());
            Deque<Waiting> line = lines.get(claim.droneId());
            next = line == null ? null : line.poll();
            if (next != null) {
                holders.put(claim.droneId(), next.claim());
            }
        }
        if (next != null) {
            next.granted().complete(next.claim());
        }
    }

    /** Every busy drone and what it is doing, in drone id order. */
    synchronized Map<String, String> busy() {
        Map<String, String> out = new LinkedHashMap<>();
        holders.keySet().stream().sorted().forEach(id -> out.put(id, holders.get(id).purpose()));
        return out;
    }

    /** Gives up every waiting claim (the coordinator is shutting down). */
    void cancelWaiting() {
        List<Waiting> dropped = new ArrayList<>();
        synchronized (this) {
            lines.values().forEach(dropped::addAll);
            lines.clear();
        }
        dropped.forEach(w -> w.granted().cancel(false));
    }
}
