package org.winterwatch.coordinator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.winterwatch.missions.fleet.Fleet;
import org.winterwatch.missions.fleet.FleetFile;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where {@code plan} gets its fleet: the fleet file, or the one-base shorthand ({@code --drones}, {@code --home},
 * ...), never both; and what to tell the user when the file is wrong.
 */
final class PlanFleetOptions {

    /** Options that describe the fleet, which a fleet file replaces. */
    static final List<String> SHORTHAND = List.of("--drones", "--home", "--endurance-min", "--speed-mps", "--reserve",
            "--swap-min");

    private final CommandSpec spec;
    private final Path file;

    PlanFleetOptions(CommandSpec spec, Path file) {
        this.spec = spec;
        this.file = file;
    }

    /** A fleet file and the shorthand exclude each other; the sector split has no use for a fleet file. */
    void checkFlags(boolean sectors) {
        if (file == null) {
            return;
        }
        if (sectors) {
            throw new UsageError("--allocation sectors plans N drones around one --home: leave out --fleet");
        }
        List<String> given = SHORTHAND.stream().filter(o -> spec.commandLine().getParseResult().hasMatchedOption(o))
                .toList();
        if (!given.isEmpty()) {
            throw new UsageError("--fleet gives the bases and drones: leave out " + String.join(", ", given));
        }
    }

    /** The fleet of the file, or {@code null} after printing one line per problem to {@code err}. */
    Fleet read(PrintWriter err) {
        FleetFile.Result result = FleetFile.read(file);
        if (result instanceof FleetFile.Result.Read read) {
            return read.fleet();
        }
        ((FleetFile.Result.Invalid) result).problems().forEach(p -> err.println(file + ": " + p));
        return null;
    }
}
