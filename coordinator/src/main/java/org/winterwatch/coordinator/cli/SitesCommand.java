package org.winterwatch.coordinator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.winterwatch.geo.layer.Problem;
import org.winterwatch.geo.layer.SiteLayers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code winterwatch sites validate FILE}. */
@Command(name = "sites", mixinStandardHelpOptions = true, description = "Site layer tools.",
        subcommands = SitesCommand.Validate.class)
final class SitesCommand {

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Checks a site layer: exit 0 when valid, else exit 2 and one line per problem.")
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Verbosity verbosity;
        @Parameters(paramLabel = "FILE", description = "Site layer: GeoJSON (.geojson, .json) or GeoPackage (.gpkg).")
        Path file;

        @Override
        public Integer call() {
            List<Problem> problems = SiteLayers.validate(file);
            if (problems.isEmpty()) {
                spec.commandLine().getOut().println(file + ": valid");
                return ExitCodes.OK;
            }
            PrintWriter err = spec.commandLine().getErr();
            problems.forEach(p -> err.println(file + ": " + p));
            return ExitCodes.USAGE;
        }
    }
}
