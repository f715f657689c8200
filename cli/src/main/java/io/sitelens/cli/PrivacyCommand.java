package io.sitelens.cli;

import io.sitelens.ErrorCode;
import io.sitelens.Sitelens;
import io.sitelens.SitelensException;
import io.sitelens.cli.config.ProjectConfig;
import io.sitelens.cli.config.ProjectConfigLoader;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.DataSubject;
import io.sitelens.model.Project;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.privacy.AuditAnchor;
import io.sitelens.privacy.AuditLog;
import io.sitelens.privacy.AuditVerification;
import io.sitelens.privacy.HandlerOutcome;
import io.sitelens.privacy.PrivacyRequest;
import io.sitelens.privacy.PrivacyRequests;
import io.sitelens.privacy.RequestState;
import io.sitelens.privacy.RetentionPolicies;
import io.sitelens.privacy.SubjectExport;
import io.sitelens.privacy.TenantKeys;
import io.sitelens.spi.privacy.IdentityVerification;
import io.sitelens.spi.privacy.PrivacyRight;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import io.sitelens.spi.privacy.PrivacyRightsHandlerFactory;
import io.sitelens.spi.storage.StorageAdapter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sitelens privacy access|portability|rectify|erase|restrict|object --subject TYPE:VALUE --config FILE}
 * and {@code sitelens privacy audit verify [--anchor COUNT:HASH]}. A request command receives the request,
 * records the operator's identity check ({@code --verified-by}), runs it across our storage and every bound
 * connector's privacy handler, and prints the outcome per system; exit 1 when a system failed (re-run with
 * {@code privacy retry --request ID}).
 */
@Command(
        name = "privacy",
        description = "Data-subject requests (GDPR) across every system, and the audit log.",
        subcommands = {
            PrivacyCommand.Access.class,
            PrivacyCommand.Portability.class,
            PrivacyCommand.Rectify.class,
            PrivacyCommand.Erase.class,
            PrivacyCommand.Restrict.class,
            PrivacyCommand.Objection.class,
            PrivacyCommand.Retry.class,
            PrivacyCommand.Register.class,
            PrivacyCommand.Audit.class
        })
final class PrivacyCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a privacy command is required");
    }

    /** Options every request command shares. */
    static final class RequestOptions {
        @Option(
                names = "--subject",
                required = true,
                split = ",",
                paramLabel = "TYPE:VALUE",
                description = "The subject's identities (email, account, visitor, cookie, ga-client, ga-user,"
                        + " matomo-visitor, matomo-user); repeat or separate with commas.")
        List<String> subject;

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "Project config file.")
        Path config;

        @Option(
                names = "--verified-by",
                defaultValue = "cli-operator",
                paramLabel = "METHOD",
                description = "How the operator verified the requester's identity (recorded; default cli-operator).")
        String verifiedBy;

        @Option(names = "--json", description = "Print one JSON document on stdout.")
        boolean json;

        DataSubject subject() {
            List<SubjectIdentity> ids = new ArrayList<>();
            for (String s : subject) {
                try {
                    ids.add(SubjectIdentity.parse(s));
                } catch (IllegalArgumentException e) {
                    throw new SitelensException(ErrorCode.INVALID_INPUT, "--subject: " + e.getMessage());
                }
            }
            return new DataSubject(ids);
        }
    }

    /** The runtime of one request command: config, store, sitelens, handlers. */
    abstract static class RequestCommand implements Callable<Integer> {
        @Mixin
        RequestOptions options = new RequestOptions();

        @Mixin
        StoreOptions stores = new StoreOptions();

        @Option(names = "--out", paramLabel = "PATH", description = "Where to write an export (default: ./<file>).")
        Path out;

        @Spec
        CommandLine.Model.CommandSpec spec;

        abstract PrivacyRequest receive(PrivacyRequests requests, TenantId tenant, DataSubject subject);

        @Override
        public Integer call() {
            ProjectConfig cfg = ProjectConfigLoader.load(options.config);
            try (StorageAdapter storage = stores.open(cfg);
                    Sitelens sitelens = Runtime.open(storage, cfg)) {
                PrivacyRequests requests = requests(sitelens, storage, cfg, options.verifiedBy);
                TenantId tenant = cfg.project().key().tenant();
                PrivacyRequest r = receive(requests, tenant, options.subject());
                r = requests.verifyIdentity(tenant, r.id(), Map.of());
                r = requests.execute(tenant, r.id());
                return report(spec, requests, r, out, options.json);
            }
        }
    }

    static PrivacyRequests requests(Sitelens sitelens, StorageAdapter storage, ProjectConfig cfg, String verifiedBy) {
        Project project = cfg.project();
        return PrivacyRequests.builder(storage)
                .project(project.key())
                .clock(Clock.systemUTC())
                .retention(RetentionPolicies.defaults().withPeriods(cfg.retention()))
                .verifier((t, s, e) -> IdentityVerification.verified(verifiedBy))
                .handlers(connectorHandlers(sitelens, project))
                .build();
    }

    /** The privacy handler of every binding whose provider has one. */
    static List<PrivacyRightsHandler> connectorHandlers(Sitelens sitelens, Project project) {
        List<PrivacyRightsHandler> out = new ArrayList<>();
        for (ConnectorBinding b : project.bindings()) {
            for (PrivacyRightsHandlerFactory f : sitelens.privacyHandlers().values()) {
                Optional<PrivacyRightsHandler> h = f.create(
                        b,
                        sitelens.connectorConfig(project, b),
                        sitelens.pluginContext(
                                project, b.bindingId(), sitelens.usageRecorder(project.key(), b.providerId())));
                h.ifPresent(out::add);
            }
        }
        return out;
    }

    static int report(
            CommandLine.Model.CommandSpec spec,
            PrivacyRequests requests,
            PrivacyRequest r,
            Path outPath,
            boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        String exportPath = null;
        if ((r.right() == PrivacyRight.ACCESS || r.right() == PrivacyRight.PORTABILITY)
                && r.state() != RequestState.REFUSED) {
            SubjectExport e = requests.export(r.tenant(), r.id());
            Path target = outPath == null ? Path.of(e.fileName()) : outPath;
            try {
                Files.write(target, e.bytes());
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot write the export to " + target, ex);
            }
            exportPath = target.toString();
        }
        if (json) {
            Map<String, Object> doc = Json.document();
            doc.put("request", r.id());
            doc.put("tenant", r.tenant().value());
            doc.put("right", r.right().name().toLowerCase(Locale.ROOT));
            doc.put("state", r.state().name().toLowerCase(Locale.ROOT));
            doc.put("receivedAt", r.receivedAt().toString());
            doc.put("deadline", r.deadline().toString());
            List<Map<String, Object>> systems = new ArrayList<>();
            for (HandlerOutcome o : r.outcomes().values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("system", o.handlerId());
                m.put("status", o.status().name().toLowerCase(Locale.ROOT));
                m.put("records", o.affected());
                m.put("attempts", o.attempts());
                m.put("message", o.message());
                systems.add(m);
            }
            doc.put("systems", systems);
            doc.put("export", exportPath);
            Json.print(out, doc);
        } else {
            out.printf(
                    "request %s: %s %s, deadline %s%n",
                    r.id(),
                    r.right().name().toLowerCase(Locale.ROOT),
                    r.state().name().toLowerCase(Locale.ROOT),
                    r.deadline());
            for (HandlerOutcome o : r.outcomes().values()) {
                out.printf(
                        "  %-16s %-12s %6d  %s%n",
                        o.handlerId(), o.status().name().toLowerCase(Locale.ROOT), o.affected(), o.message());
            }
            if (exportPath != null) {
                out.println("export written to " + exportPath);
            }
            out.flush();
        }
        if (r.state() == RequestState.PARTIALLY_COMPLETED) {
            spec.commandLine()
                    .getErr()
                    .println("some systems failed; retry them with: sitelens privacy retry --request " + r.id()
                            + " --config FILE");
            return ExitCode.FAILURE;
        }
        return r.state() == RequestState.REFUSED ? ExitCode.FAILURE : ExitCode.OK;
    }

    @Command(name = "access", description = "Export everything kept about the subject (JSON, zip with files).")
    static final class Access extends RequestCommand {
        @Override
        PrivacyRequest receive(PrivacyRequests requests, TenantId tenant, DataSubject subject) {
            return requests.receive(tenant, PrivacyRight.ACCESS, subject);
        }
    }

    @Command(name = "portability", description = "Export what the subject provided or generated, machine-readable.")
    static final class Portability extends RequestCommand {
        @Override
        PrivacyRequest receive(PrivacyRequests requests, TenantId tenant, DataSubject subject) {
            return requests.receive(tenant, PrivacyRight.PORTABILITY, subject);
        }
    }

    @Command(name = "erase", description = "Erase the subject everywhere; only keyed pseudonyms stay as proof.")
    static final class Erase extends RequestCommand {
        @Override
        PrivacyRequest receive(PrivacyRequests requests, TenantId tenant, DataSubject subject) {
            return requests.receive(tenant, PrivacyRight.ERASURE, subject);
        }
    }

    @Command(name = "rectify", description = "Correct fields in every stored copy.")
    static final class Rectify extends RequestCommand {
        @Option(names = "--set", required = true, paramLabel = "FIELD=VALUE", description = "A corrected field.")
        Map<String, String> corrections;

        @Override
        PrivacyRequest receive(PrivacyRequests requests, TenantId tenant, DataSubject subject) {
            return requests.receiveRectification(tenant, subject, corrections);
        }
    }

    @Command(name = "restrict", description = "Exclude the subject from processing (or --lift it).")
    static final class Restrict extends RequestCommand {
        @Option(names = "--lift", description = "Lift the restriction.")
        boolean lift;

        @Override
        PrivacyRequest receive(PrivacyRequests requests, TenantId tenant, DataSubject subject) {
            return lift
                    ? requests.receiveRestrictionLift(tenant, subject)
                    : requests.receive(tenant, PrivacyRight.RESTRICTION, subject);
        }
    }

    @Command(name = "object", description = "Stop processing for purposes (default: marketing and analytics).")
    static final class Objection extends RequestCommand {
        @Option(
                names = "--purpose",
                split = ",",
                paramLabel = "PURPOSE",
                description = "analytics, behaviour_tracking, geolocation, returning_visitor_cookie, marketing.")
        List<String> purposes = List.of("marketing", "analytics");

        @Override
        PrivacyRequest receive(PrivacyRequests requests, TenantId tenant, DataSubject subject) {
            Set<Purpose> ps = EnumSet.noneOf(Purpose.class);
            for (String p : purposes) {
                try {
                    ps.add(Purpose.valueOf(p.toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw new SitelensException(
                            ErrorCode.INVALID_INPUT,
                            "--purpose: unknown purpose '" + p + "'; expected one of "
                                    + EnumSet.allOf(Purpose.class).toString().toLowerCase(Locale.ROOT));
                }
            }
            return requests.receiveObjection(tenant, subject, ps);
        }
    }

    @Command(name = "retry", description = "Run a partially completed request again for the systems that failed.")
    static final class Retry implements Callable<Integer> {
        @Option(names = "--request", required = true, paramLabel = "ID")
        String request;

        @Option(names = "--config", required = true, paramLabel = "FILE")
        Path config;

        @Mixin
        StoreOptions stores = new StoreOptions();

        @Option(names = "--out", paramLabel = "PATH")
        Path out;

        @Option(names = "--json")
        boolean json;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ProjectConfig cfg = ProjectConfigLoader.load(config);
            try (StorageAdapter storage = stores.open(cfg);
                    Sitelens sitelens = Runtime.open(storage, cfg)) {
                PrivacyRequests requests = requests(sitelens, storage, cfg, "cli-operator");
                PrivacyRequest r = requests.execute(cfg.project().key().tenant(), request);
                return report(spec, requests, r, out, json);
            }
        }
    }

    @Command(
            name = "register",
            description = "Print the records of processing (Art. 30) and transfers outside the EEA as JSON.")
    static final class Register implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.println(io.sitelens.privacy.ProcessingRegister.defaults().toJson());
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "audit", description = "The tamper-evident audit log.", subcommands = Audit.Verify.class)
    static final class Audit implements Runnable {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "an audit command is required (verify)");
        }

        @Command(name = "verify", description = "Check the audit chain and print its head (COUNT:HASH) to anchor.")
        static final class Verify implements Callable<Integer> {
            @Option(names = "--anchor", paramLabel = "COUNT:HASH", description = "A head kept elsewhere earlier.")
            String anchor;

            @Option(names = "--config", paramLabel = "FILE", description = "Verify the config's tenant only.")
            Path config;

            @Option(names = "--tenant", paramLabel = "ID", description = "Verify this tenant only.")
            String tenant;

            @Mixin
            StoreOptions stores = new StoreOptions();

            @Option(names = "--json")
            boolean json;

            @Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                ProjectConfig cfg = config == null ? null : ProjectConfigLoader.load(config);
                AuditAnchor a = anchor == null ? null : AuditAnchor.parse(anchor);
                try (StorageAdapter storage = stores.open(cfg)) {
                    List<TenantId> tenants = cfg != null
                            ? List.of(cfg.project().key().tenant())
                            : tenant != null
                                    ? List.of(TenantId.of(tenant))
                                    : storage.privacy().tenants();
                    if (a != null && tenants.size() != 1) {
                        throw new SitelensException(
                                ErrorCode.INVALID_INPUT,
                                "--anchor needs one tenant: give --config or --tenant (the store has " + tenants.size()
                                        + ")");
                    }
                    AuditLog log =
                            new AuditLog(storage.privacy(), TenantKeys.stored(storage.privacy()), Clock.systemUTC());
                    List<AuditVerification> results = new ArrayList<>();
                    for (TenantId t : tenants) {
                        results.add(log.verify(t, a));
                    }
                    print(results);
                    return results.stream().allMatch(AuditVerification::valid) ? ExitCode.OK : ExitCode.FAILURE;
                }
            }

            private void print(List<AuditVerification> results) {
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> doc = Json.document();
                    List<Map<String, Object>> ts = new ArrayList<>();
                    for (AuditVerification v : results) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("tenant", v.tenant().value());
                        m.put("valid", v.valid());
                        m.put("count", v.count());
                        m.put("head", v.head().toString());
                        m.put("firstBadSequence", v.firstBadSequence());
                        m.put("problems", v.problems());
                        ts.add(m);
                    }
                    doc.put("tenants", ts);
                    doc.put("valid", results.stream().allMatch(AuditVerification::valid));
                    Json.print(out, doc);
                    return;
                }
                if (results.isEmpty()) {
                    out.println("no audit log in this store");
                }
                for (AuditVerification v : results) {
                    out.printf(
                            "%s: %s, %d entries, head %s%n",
                            v.tenant(), v.valid() ? "valid" : "INVALID", v.count(), v.head());
                    v.problems().forEach(p -> out.println("  " + p));
                }
                out.flush();
            }
        }
    }
}
