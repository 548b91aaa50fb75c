package org.winterwatch.benchmarks.planning;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.site.SiteLayer;
import org.winterwatch.missions.FleetParameters;
import org.winterwatch.missions.FleetPlan;
import org.winterwatch.missions.FleetPlanner;

/** Planning time for 1,000 mixed sites and 20 drones: coverage of every site, sectors, sorties. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PlanningBenchmark {

    private SiteLayer layer;
    private LatLon home;

    @Setup
    public void layer() {
        layer = MixedSiteLayer.layer(1000, 42);
        home = MixedSiteLayer.CENTRE;
    }

    @Benchmark
    public FleetPlan planThousandMixedSitesForTwentyDrones() {
        return new FleetPlanner(FleetParameters.defaults()).plan(layer, null, 20, home);
    }
}
