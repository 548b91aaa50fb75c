package org.winterwatch.benchmarks.simulator;

import io.mavsdk.System;
import io.mavsdk.mission.Mission;
import io.reactivex.Flowable;
import io.reactivex.disposables.CompositeDisposable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load harness for issue 4: one {@code winterwatch simulate} process (its own JVM, as an operator runs it)
 * with N drones, every drone flying a mission and streaming telemetry to a connected MAVSDK-Java client in
 * this JVM that subscribes to what the coordinator's link subscribes to (connection, position, home,
 * battery, armed, in-air, flight mode, health, health-all-ok, GPS, velocity, heading, mission progress).
 *
 * <p>Reports, over the measured window: CPU used by the simulate process (from /proc, in cores), messages
 * per second delivered to the clients (all streams, and position alone, whose target is 10 Hz per drone),
 * and how far simulated time falls behind real time (Info's boot time, read through MAVSDK, against the
 * wall clock times the speed-up).
 *
 * <pre>benchmarks/run org.winterwatch.benchmarks.simulator.SimulatorLoadHarness --drones 200 --measure-s 60</pre>
 */
public final class SimulatorLoadHarness {

    private static final double CLOCK_TICKS_PER_S = 100;

    private final int drones;
    private final int basePort;
    private final double speedup;
    private final int warmupS;
    private final int measureS;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder errors = new LongAdder();

    private SimulatorLoadHarness(int drones, int basePort, double speedup, int warmupS, int measureS) {
        this.drones = drones;
        this.basePort = basePort;
        this.speedup = speedup;
        this.warmupS = warmupS;
        this.measureS = measureS;
    }

    public static void main(String[] args) throws Exception {
        int drones = 200;
        int basePort = 30000;
        double speedup = 1;
        int warmupS = 15;
        int measureS = 60;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--drones" -> drones = Integer.parseInt(args[++i]);
                case "--grpc-base-port" -> basePort = Integer.parseInt(args[++i]);
                case "--speedup" -> speedup = Double.parseDouble(args[++i]);
                case "--warmup-s" -> warmupS = Integer.parseInt(args[++i]);
                case "--measure-s" -> measureS = Integer.parseInt(args[++i]);
                case "--help", "-h" -> {
                    java.lang.System.out.println("SimulatorLoadHarness [--drones 200] [--grpc-base-port 30000] [--speedup 1]"
                            + " [--warmup-s 15] [--measure-s 60]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new SimulatorLoadHarness(drones, basePort, speedup, warmupS, measureS).run();
    }

    private void run() throws Exception {
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        Process simulate = startSimulate();
        List<System> clients = new ArrayList<>();
        CompositeDisposable subscriptions = new CompositeDisposable();
        try {
            awaitPorts();
            long t0 = java.lang.System.nanoTime();
            for (int i = 0; i < drones; i++) {
                System client = new System("127.0.0.1", basePort + i);
                clients.add(client);
                subscribeAll(client, subscriptions);
                launch(client, i);
            }
            java.lang.System.out.printf(Locale.ROOT, "%d drones launched and subscribed in %.1f s%n", drones,
                    (java.lang.System.nanoTime() - t0) / 1e9);
            TimeUnit.SECONDS.sleep(warmupS);
            measure(simulate, clients.get(0), clients.get(drones - 1), load);
        } finally {
            subscriptions.dispose();
            clients.forEach(System::dispose);
            simulate.destroy();
            simulate.waitFor(10, TimeUnit.SECONDS);
            simulate.destroyForcibly();
        }
    }

    private Process startSimulate() throws IOException {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(javaBin, "-Xmx1g", "-cp", java.lang.System.getProperty("java.class.path"),
                "org.winterwatch.coordinator.cli.WinterWatchCli", "simulate", "--drones", Integer.toString(drones),
                "--grpc-base-port", Integer.toString(basePort), "--speedup", Double.toString(speedup));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("simulate-load.log").toFile())).start();
    }

    private void awaitPorts() throws InterruptedException {
        for (int i = 0; i < drones; i++) {
            for (int attempt = 0; !open(basePort + i); attempt++) {
                if (attempt > 600) {
                    throw new IllegalStateException("port " + (basePort + i) + " never opened; see simulate-load.log");
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    private static boolean open(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private <T> void count(CompositeDisposable subscriptions, String stream, Flowable<T> flowable) {
        LongAdder counter = counts.computeIfAbsent(stream, k -> new LongAdder());
        subscriptions.add(flowable.subscribe(v -> counter.increment(), e -> errors.increment()));
    }

    private void subscribeAll(System c, CompositeDisposable subscriptions) {
        count(subscriptions, "connection", c.getCore().getConnectionState());
        count(subscriptions, "position", c.getTelemetry().getPosition());
        count(subscriptions, "home", c.getTelemetry().getHome());
        count(subscriptions, "battery", c.getTelemetry().getBattery());
        count(subscriptions, "armed", c.getTelemetry().getArmed());
        count(subscriptions, "in-air", c.getTelemetry().getInAir());
        count(subscriptions, "flight-mode", c.getTelemetry().getFlightMode());
        count(subscriptions, "health", c.getTelemetry().getHealth());
        count(subscriptions, "health-all-ok", c.getTelemetry().getHealthAllOk());
        count(subscriptions, "gps-info", c.getTelemetry().getGpsInfo());
        count(subscriptions, "velocity", c.getTelemetry().getVelocityNed());
        count(subscriptions, "heading", c.getTelemetry().getHeading());
        count(subscriptions, "mission-progress", c.getMission().getMissionProgress());
    }

    /** A 3 x 600 m square loop around the launch point, long enough for the whole run. */
    private static void launch(System c, int index) {
        // MAVSDK-Java answers "No System" until its connection state has said connected
        c.getCore().getConnectionState().filter(s -> Boolean.TRUE.equals(s.getIsConnected())).firstOrError()
                .timeout(30, TimeUnit.SECONDS).blockingGet();
        double lat0 = 40.0905 + (index % 20) * 0.0002;
        double lon0 = 113.3345 + (index / 20) * 0.0002;
        double d = 0.0054;
        List<Mission.MissionItem> items = new ArrayList<>();
        for (int lap = 0; lap < 3; lap++) {
            items.add(item(lat0 + d, lon0));
            items.add(item(lat0 + d, lon0 + d));
            items.add(item(lat0, lon0 + d));
            items.add(item(lat0, lon0));
        }
        c.getMission().uploadMission(new Mission.MissionPlan(items)).blockingAwait(30, TimeUnit.SECONDS);
        c.getAction().arm().blockingAwait(30, TimeUnit.SECONDS);
        c.getMission().startMission().blockingAwait(30, TimeUnit.SECONDS);
    }

    private static Mission.MissionItem item(double lat, double lon) {
        return new Mission.MissionItem(lat, lon, 40f, 10f, true, -90f, Float.NaN, Mission.MissionItem.CameraAction.NONE,
                Float.NaN, 1.0, Float.NaN, Float.NaN, Float.NaN);
    }

    private void measure(Process simulate, System first, System last, String loadBefore) throws Exception {
        Map<String, Long> before = snapshot();
        long simCpu0 = cpuTicks(simulate.pid());
        long selfCpu0 = cpuTicks(ProcessHandle.current().pid());
        long boot0First = first.getInfo().getFlightInformation().blockingGet().getTimeBootMs();
        long boot0Last = last.getInfo().getFlightInformation().blockingGet().getTimeBootMs();
        long wall0 = java.lang.System.nanoTime();
        TimeUnit.SECONDS.sleep(measureS);
        long wall1 = java.lang.System.nanoTime();
        long boot1First = first.getInfo().getFlightInformation().blockingGet().getTimeBootMs();
        long boot1Last = last.getInfo().getFlightInformation().blockingGet().getTimeBootMs();
        long simCpu1 = cpuTicks(simulate.pid());
        long selfCpu1 = cpuTicks(ProcessHandle.current().pid());
        Map<String, Long> after = snapshot();
        double wallS = (wall1 - wall0) / 1e9;

        long total = 0;
        StringBuilder perStream = new StringBuilder();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            total += delta;
            perStream.append(String.format(Locale.ROOT, "  %-17s %9.0f msg/s  (%.2f per drone per s)%n", e.getKey(),
                    delta / wallS, delta / wallS / drones));
        }
        double simFirstS = (boot1First - boot0First) / 1000.0;
        double simLastS = (boot1Last - boot0Last) / 1000.0;
        java.lang.System.out.printf(Locale.ROOT, "machine: %d cores, load average before start: %s%n",
                Runtime.getRuntime().availableProcessors(), loadBefore);
        java.lang.System.out.printf(Locale.ROOT, "drones %d, speedup %.1f, measured %.1f s after %d s warm-up%n", drones,
                speedup, wallS, warmupS);
        java.lang.System.out.printf(Locale.ROOT, "simulate process CPU: %.2f cores (%.0f %% of the machine)%n",
                (simCpu1 - simCpu0) / CLOCK_TICKS_PER_S / wallS,
                100 * (simCpu1 - simCpu0) / CLOCK_TICKS_PER_S / wallS / Runtime.getRuntime().availableProcessors());
        java.lang.System.out.printf(Locale.ROOT, "client (harness) CPU: %.2f cores%n", (selfCpu1 - selfCpu0) / CLOCK_TICKS_PER_S / wallS);
        java.lang.System.out.printf(Locale.ROOT, "delivered: %.0f msg/s in all, stream errors %d%n", total / wallS, errors.sum());
        java.lang.System.out.print(perStream);
        java.lang.System.out.printf(Locale.ROOT, "simulated time: drone-1 advanced %.2f s, drone-%d %.2f s in %.2f s real x %.1f"
                + " -> lag grew %.2f s (%.2f %%)%n", simFirstS, drones, simLastS, wallS, speedup, wallS * speedup - simFirstS,
                100 * (wallS * speedup - simFirstS) / (wallS * speedup));
        java.lang.System.out.println(Files.readString(Path.of("/proc/loadavg")).trim() + "  (load average after)");
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> values = new TreeMap<>();
        counts.forEach((k, v) -> values.put(k, v.sum()));
        return values;
    }

    /** utime + stime of a process, in clock ticks. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
