package org.winterwatch.coordinator.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One command line run in-process, with what it printed and its exit code, as a user would see them. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WinterWatchCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
