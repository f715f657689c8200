package io.sitelens.cli;

import io.sitelens.Sitelens;
import io.sitelens.SitelensException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sitelens} command. */
@Command(
        name = "sitelens",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Website analytics, crawling, insights and GDPR tooling.",
        subcommands = {
            PluginsCommand.class,
            MetricsCommand.class,
            GtmCommand.class,
            CollectorCommand.class,
            AnomaliesCommand.class,
            CrawlCommand.class,
            SyncCommand.class,
            RunsCommand.class,
            PrivacyCommand.class,
            RetentionCommand.class,
            AuditCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 failure to look at, 2 bad usage or input). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof SitelensException se) {
                err.println("sitelens: " + se.getMessage());
                return ExitCode.of(se);
            }
            if (ex instanceof IllegalArgumentException) {
                err.println("sitelens: " + ex.getMessage());
                return ExitCode.USAGE;
            }
            err.println("sitelens: internal error: " + ex);
            ex.printStackTrace(err);
            return ExitCode.FAILURE;
        });
        cl.setExitCodeExceptionMapper(
                ex -> ex instanceof CommandLine.ParameterException ? ExitCode.USAGE : ExitCode.FAILURE);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "sitelens " + Sitelens.version(),
                "SPI " + io.sitelens.spi.SitelensSpi.VERSION + ", Java " + System.getProperty("java.version")
            };
        }
    }
}
