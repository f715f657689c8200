package io.sitelens.cli;

import io.sitelens.cli.config.ProjectConfig;
import io.sitelens.cli.config.ProjectConfigLoader;
import io.sitelens.model.TenantId;
import io.sitelens.privacy.RetentionJob;
import io.sitelens.privacy.RetentionPolicies;
import io.sitelens.privacy.RetentionReport;
import io.sitelens.spi.storage.StorageAdapter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sitelens retention run [--dry-run] [--config FILE]}: purges what is past its retention period. */
@Command(
        name = "retention",
        description = "Retention periods: purge expired records.",
        subcommands = RetentionCommand.Run.class)
final class RetentionCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a retention command is required (run)");
    }

    @Command(name = "run", description = "Purge (or with --dry-run, list) records past their retention period.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--dry-run", description = "Report what would be purged; change nothing.")
        boolean dryRun;

        @Option(
                names = "--config",
                paramLabel = "FILE",
                description = "The project's tenant and retention periods (default: every tenant, default periods).")
        Path config;

        @CommandLine.Mixin
        StoreOptions stores = new StoreOptions();

        @Option(names = "--json")
        boolean json;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ProjectConfig cfg = config == null ? null : ProjectConfigLoader.load(config);
            RetentionPolicies policies = cfg == null
                    ? RetentionPolicies.defaults()
                    : RetentionPolicies.defaults().withPeriods(cfg.retention());
            try (StorageAdapter storage = stores.open(cfg)) {
                List<TenantId> tenants = cfg != null
                        ? List.of(cfg.project().key().tenant())
                        : storage.privacy().tenants();
                RetentionJob job = RetentionJob.of(storage, policies, Clock.systemUTC());
                List<RetentionReport> reports = new ArrayList<>();
                for (TenantId t : tenants) {
                    reports.add(dryRun ? job.dryRun(t) : job.purge(t));
                }
                print(reports);
                return ExitCode.OK;
            }
        }

        private void print(List<RetentionReport> reports) {
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> doc = Json.document();
                doc.put("dryRun", dryRun);
                List<Map<String, Object>> ts = new ArrayList<>();
                for (RetentionReport r : reports) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("tenant", r.tenant().value());
                    m.put("at", r.at().toString());
                    List<Map<String, Object>> cats = new ArrayList<>();
                    for (RetentionReport.Line l : r.lines()) {
                        Map<String, Object> c = new LinkedHashMap<>();
                        c.put("category", l.category());
                        c.put("period", l.period().toString());
                        c.put("countsFrom", l.basis().name().toLowerCase(Locale.ROOT));
                        c.put("cutoff", l.cutoff().toString());
                        c.put("records", l.recordIds().size());
                        c.put("recordIds", l.recordIds());
                        c.put("consentRecords", l.consentRecords());
                        c.put("behaviourRows", l.behaviourRows());
                        cats.add(c);
                    }
                    m.put("categories", cats);
                    m.put("total", r.total());
                    ts.add(m);
                }
                doc.put("tenants", ts);
                Json.print(out, doc);
                return;
            }
            if (reports.isEmpty()) {
                out.println("no tenant with privacy data in this store");
            }
            for (RetentionReport r : reports) {
                out.printf("%s: %s %d records%n", r.tenant(), dryRun ? "would purge" : "purged", r.total());
                for (RetentionReport.Line l : r.lines()) {
                    out.printf(
                            "  %-26s %-6s before %s  %d%n",
                            l.category(), l.period(), l.cutoff(), l.recordIds().size());
                }
            }
            out.flush();
        }
    }
}
