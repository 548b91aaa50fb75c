package org.winterwatch.coordinator.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code winterwatch} command line (CONTRACT §1). */
@Command(name = "winterwatch", mixinStandardHelpOptions = true, version = "WinterWatch 0.1.0",
        description = "Patrol coordination for cold-weather outreach: coverage missions, drones over MAVSDK, alerts over MQTT.",
        subcommands = {DemoCommand.class, ServeCommand.class, SimulateCommand.class, PlanCommand.class,
                SitesCommand.class, MqttAclCommand.class})
public final class WinterWatchCli {

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "winterwatch-logback.xml");
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; returns the exit code (0 ok, 1 runtime failure, 2 bad input or usage). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        setLogLevel(verbose);
        CommandLine cli = new CommandLine(new WinterWatchCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("winterwatch: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int code = ex instanceof UsageError || ex instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.FAILURE;
            err.println("winterwatch " + commandLine.getCommandName() + ": " + messageOf(ex));
            if (verbose) {
                ex.printStackTrace(err);
            }
            return code;
        });
        return cli.execute(args);
    }

    private static String messageOf(Throwable ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }

    /** Paho logs connection losses with stack traces through java.util.logging; our bridge reports them itself. */
    private static final java.util.logging.Logger PAHO_LOG = java.util.logging.Logger.getLogger("org.eclipse.paho");

    private static void setLogLevel(boolean verbose) {
        PAHO_LOG.setLevel(verbose ? java.util.logging.Level.INFO : java.util.logging.Level.OFF);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            ctx.getLogger("org.winterwatch").setLevel(verbose ? Level.DEBUG : Level.WARN);
        }
    }
}
