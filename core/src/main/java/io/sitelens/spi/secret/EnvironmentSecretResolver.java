package io.sitelens.spi.secret;

import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.Secret;
import io.sitelens.model.SecretRef;
import io.sitelens.model.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The default resolver: {@code env:NAME} reads an environment variable, {@code file:PATH} reads a file
 * (trailing newline trimmed; relative paths against a base directory, such as the config file's).
 */
public final class EnvironmentSecretResolver implements SecretResolver {
    private static final long MAX_FILE_BYTES = 1 << 20;

    private final Function<String, String> env;
    private final Path baseDir;

    private EnvironmentSecretResolver(Function<String, String> env, Path baseDir) {
        this.env = env;
        this.baseDir = baseDir;
    }

    /** Reads the process environment; relative files against the working directory. */
    public static EnvironmentSecretResolver create() {
        return new EnvironmentSecretResolver(System::getenv, Path.of(""));
    }

    public static EnvironmentSecretResolver create(Map<String, String> environment, Path baseDir) {
        requireNonNull(environment, "environment");
        return new EnvironmentSecretResolver(environment::get, requireNonNull(baseDir, "baseDir"));
    }

    public EnvironmentSecretResolver withBaseDir(Path dir) {
        return new EnvironmentSecretResolver(env, requireNonNull(dir, "dir"));
    }

    @Override
    public Optional<Secret> resolve(TenantId tenant, SecretRef ref) {
        switch (ref.scheme()) {
            case "env" -> {
                String v = env.apply(ref.location());
                return v == null ? Optional.empty() : Optional.of(Secret.of(v));
            }
            case "file" -> {
                Path p = baseDir.resolve(ref.location());
                if (!Files.isRegularFile(p)) {
                    return Optional.empty();
                }
                try {
                    if (Files.size(p) > MAX_FILE_BYTES) {
                        throw new SitelensException(
                                ErrorCode.SECRET_UNRESOLVED, "secret file " + p + " is larger than 1 MiB");
                    }
                    String v = Files.readString(p, StandardCharsets.UTF_8);
                    return Optional.of(Secret.of(v.strip()));
                } catch (IOException e) {
                    throw new SitelensException(
                            ErrorCode.SECRET_UNRESOLVED,
                            "secret file " + p + " could not be read: "
                                    + e.getClass().getSimpleName(),
                            null);
                }
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
