package io.sitelens.cli.config;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectId;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.SecretRef;
import io.sitelens.model.TenantId;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a project config file (YAML; JSON is accepted as YAML) and validates all of it: unknown keys, bad
 * values and secrets written as values are rejected with the file, line and key. The file format is
 * documented in docs/config.md.
 */
public final class ProjectConfigLoader {
    private static final long MAX_BYTES = 1 << 20;
    private static final Set<String> TOP_KEYS = Set.of(
            "tenant",
            "project",
            "name",
            "url",
            "additionalUrls",
            "timeZone",
            "store",
            "consent",
            "bindings",
            "retention",
            "cadences");
    private static final Set<String> BINDING_KEYS = Set.of("id", "provider", "settings", "secrets");
    private static final Set<String> CONSENT_KEYS = Set.of("policy");
    private static final Set<String> CADENCE_KEYS = Set.of("sync", "crawl", "insights", "retention");
    private static final Set<String> RETENTION_KEYS =
            Set.of("contractData", "customerData", "prospectMarketingConsent", "behaviourEvents", "usage", "crawls");
    /** Setting names that hold secrets; their values must be references under {@code secrets:}. */
    private static final Pattern SECRET_LIKE = Pattern.compile(
            "(?i).*(token|password|passwd|secret|apikey|api_key|api-key|credential|privatekey|private_key).*");

    private final Path file;

    private ProjectConfigLoader(Path file) {
        this.file = file;
    }

    public static ProjectConfig load(Path file) {
        Path f = file.toAbsolutePath().normalize();
        String text;
        try {
            if (Files.size(f) > MAX_BYTES) {
                throw new SitelensException(ErrorCode.CONFIG_INVALID, f + ": config file is larger than 1 MiB");
            }
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SitelensException(ErrorCode.CONFIG_INVALID, f + ": config file not found");
        } catch (IOException e) {
            throw new SitelensException(ErrorCode.CONFIG_INVALID, f + ": cannot read config file: " + e.getMessage());
        }
        return new ProjectConfigLoader(f).parse(text);
    }

    static ProjectConfig parse(Path file, Reader reader) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = reader.read(buf)) > 0; ) {
            sb.append(buf, 0, n);
        }
        return new ProjectConfigLoader(file).parse(sb.toString());
    }

    private ProjectConfig parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit((int) MAX_BYTES);
        Node root;
        try {
            root = new Yaml(options).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(file, line, "(syntax)", String.valueOf(e.getProblem()));
        } catch (YAMLException e) {
            throw new ConfigException(file, 1, "(syntax)", e.getMessage());
        }
        if (root == null) {
            throw new ConfigException(file, 1, "(file)", "the config file is empty");
        }
        Map<String, NodeTuple> top = mapping(root, "(top level)", TOP_KEYS);

        TenantId tenant = top.containsKey("tenant") ? id(top.get("tenant"), "tenant", TenantId::of) : TenantId.DEFAULT;
        ProjectId projectId = id(require(top, "project", root), "project", ProjectId::of);
        URI url = url(require(top, "url", root), "url");
        Project.Builder pb = Project.builder(new ProjectKey(tenant, projectId), url);
        if (top.containsKey("name")) {
            pb.name(scalar(top.get("name"), "name"));
        }
        if (top.containsKey("timeZone")) {
            NodeTuple t = top.get("timeZone");
            String zone = scalar(t, "timeZone");
            try {
                pb.zone(ZoneId.of(zone));
            } catch (DateTimeException e) {
                throw at(t, "timeZone", "unknown time zone '" + zone + "' (use a region such as Europe/Paris)");
            }
        }
        if (top.containsKey("additionalUrls")) {
            NodeTuple t = top.get("additionalUrls");
            List<Node> items = sequence(t, "additionalUrls");
            for (int i = 0; i < items.size(); i++) {
                pb.additionalUrl(url(items.get(i), "additionalUrls[" + i + "]"));
            }
        }
        if (top.containsKey("bindings")) {
            List<Node> items = sequence(top.get("bindings"), "bindings");
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                ConnectorBinding b = binding(items.get(i), "bindings[" + i + "]");
                if (!ids.add(b.bindingId())) {
                    throw at(
                            items.get(i), "bindings[" + i + "].id", "binding id '" + b.bindingId() + "' is used twice");
                }
                pb.binding(b);
            }
        }
        String store = top.containsKey("store") ? scalar(top.get("store"), "store") : null;
        String policy = StrictOptInConsentPolicy.ID;
        if (top.containsKey("consent")) {
            Map<String, NodeTuple> c = mapping(top.get("consent").getValueNode(), "consent", CONSENT_KEYS);
            if (c.containsKey("policy")) {
                policy = scalar(c.get("policy"), "consent.policy");
            }
        }
        Map<String, Period> retention = new LinkedHashMap<>();
        if (top.containsKey("retention")) {
            mapping(top.get("retention").getValueNode(), "retention", RETENTION_KEYS)
                    .forEach((k, t) -> {
                        String v = scalar(t, "retention." + k);
                        try {
                            retention.put(k, Period.parse(v));
                        } catch (DateTimeException e) {
                            throw at(
                                    t,
                                    "retention." + k,
                                    "must be an ISO-8601 period such as P13M or P2Y, got '" + v + "'");
                        }
                    });
        }
        Map<String, Duration> cadences = new LinkedHashMap<>();
        if (top.containsKey("cadences")) {
            mapping(top.get("cadences").getValueNode(), "cadences", CADENCE_KEYS)
                    .forEach((k, t) -> {
                        String v = scalar(t, "cadences." + k);
                        try {
                            Duration d = Duration.parse(
                                    v.startsWith("P") && !v.contains("T") && v.endsWith("D")
                                            ? "P" + v.substring(1, v.length() - 1) + "D"
                                            : v);
                            if (d.isNegative() || d.isZero()) {
                                throw new DateTimeException("not positive");
                            }
                            cadences.put(k, d);
                        } catch (DateTimeException e) {
                            throw at(
                                    t,
                                    "cadences." + k,
                                    "must be a positive ISO-8601 duration such as P1D or PT6H, got '" + v + "'");
                        }
                    });
        }
        retention.forEach(pb::retention);
        cadences.forEach(pb::cadence);
        Project project;
        try {
            project = pb.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, line(root), "(project)", e.getMessage());
        }
        return new ProjectConfig(file, project, store, policy);
    }

    private ConnectorBinding binding(Node node, String path) {
        Map<String, NodeTuple> m = mapping(node, path, BINDING_KEYS);
        String id = scalar(require(m, "id", node), path + ".id");
        String provider = scalar(require(m, "provider", node), path + ".provider");
        Map<String, String> settings = new LinkedHashMap<>();
        if (m.containsKey("settings")) {
            mapping(m.get("settings").getValueNode(), path + ".settings", null).forEach((k, t) -> {
                if (SECRET_LIKE.matcher(k).matches()) {
                    throw at(
                            t,
                            path + ".settings." + k,
                            "looks like a secret; write it under 'secrets:' as a reference (env:NAME or file:PATH),"
                                    + " never as a value");
                }
                settings.put(k, scalar(t, path + ".settings." + k));
            });
        }
        Map<String, SecretRef> secrets = new LinkedHashMap<>();
        if (m.containsKey("secrets")) {
            mapping(m.get("secrets").getValueNode(), path + ".secrets", null).forEach((k, t) -> {
                String v = scalar(t, path + ".secrets." + k);
                if (!(v.startsWith("env:") || v.startsWith("file:") || v.matches("[a-z][a-z0-9+-]*:[^\\s]+"))
                        || v.matches("(?i)https?:.*")) {
                    throw at(
                            t,
                            path + ".secrets." + k,
                            "must be a secret reference (env:NAME or file:PATH), not a value; the value is not shown");
                }
                try {
                    secrets.put(k, SecretRef.parse(v));
                } catch (IllegalArgumentException e) {
                    throw at(t, path + ".secrets." + k, e.getMessage());
                }
            });
        }
        if (provider.equals("file") && settings.containsKey("path")) {
            // the file connector's path is relative to this config file, not to the working directory
            Path base = file.toAbsolutePath().getParent();
            try {
                settings.put(
                        "path", base.resolve(settings.get("path")).normalize().toString());
            } catch (java.nio.file.InvalidPathException e) {
                throw at(node, path + ".settings.path", "is not a valid path: " + e.getMessage());
            }
        }
        try {
            return new ConnectorBinding(id, provider, settings, secrets);
        } catch (IllegalArgumentException e) {
            throw at(node, path, e.getMessage());
        }
    }

    private <T> T id(NodeTuple t, String key, java.util.function.Function<String, T> parse) {
        String v = scalar(t, key);
        try {
            return parse.apply(v);
        } catch (IllegalArgumentException e) {
            throw at(t, key, e.getMessage());
        }
    }

    private URI url(Object nodeOrTuple, String key) {
        String v = nodeOrTuple instanceof NodeTuple t ? scalar(t, key) : scalar((Node) nodeOrTuple, key);
        try {
            URI u = new URI(v);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                throw new URISyntaxException(v, "not an absolute http(s) URL with a host");
            }
            return u;
        } catch (URISyntaxException e) {
            Node n = nodeOrTuple instanceof NodeTuple t ? t.getValueNode() : (Node) nodeOrTuple;
            throw at(n, key, "must be an absolute http(s) URL, got '" + v + "'");
        }
    }

    private NodeTuple require(Map<String, NodeTuple> m, String key, Node parent) {
        NodeTuple t = m.get(key);
        if (t == null) {
            throw at(parent, key, "is required");
        }
        return t;
    }

    private Map<String, NodeTuple> mapping(Node node, String path, Set<String> allowed) {
        if (!(node instanceof MappingNode mn)) {
            throw at(node, path, "must be a mapping of keys to values");
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : mn.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw at(t.getKeyNode(), path, "keys must be plain words");
            }
            String key = k.getValue();
            if (allowed != null && !allowed.contains(key)) {
                List<String> sorted = new ArrayList<>(allowed);
                sorted.sort(null);
                throw at(
                        k,
                        path.equals("(top level)") ? key : path + "." + key,
                        "unknown key; expected one of " + sorted);
            }
            out.put(key, t);
        }
        return out;
    }

    private List<Node> sequence(NodeTuple t, String key) {
        if (!(t.getValueNode() instanceof SequenceNode s)) {
            throw at(t, key, "must be a list");
        }
        return s.getValue();
    }

    private String scalar(NodeTuple t, String key) {
        return scalar(t.getValueNode(), key);
    }

    private String scalar(Node n, String key) {
        if (!(n instanceof ScalarNode s)) {
            throw at(n, key, "must be a single value");
        }
        String v = s.getValue();
        if (v == null || v.isBlank()) {
            throw at(n, key, "must not be empty");
        }
        return v.trim();
    }

    private ConfigException at(NodeTuple t, String key, String problem) {
        return at(t.getKeyNode(), key, problem);
    }

    private ConfigException at(Node n, String key, String problem) {
        return new ConfigException(file, line(n), key, problem);
    }

    private static int line(Node n) {
        return n.getStartMark() == null ? 1 : n.getStartMark().getLine() + 1;
    }
}
