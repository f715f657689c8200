package io.sitelens.internal.discovery;

import io.sitelens.spi.SitelensPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Builds real plugin jars at test time from compiled test classes. */
final class PluginJars {
    static final String HIDDEN_PACKAGE = "io.sitelens.testplugins.";

    private PluginJars() {}

    /**
     * A jar holding the shared connector classes, the named plugin classes (and no other plugin) and a
     * services file listing them. A name without a class file (a typo in a services file) is listed only.
     */
    static Path jar(Path dir, String name, String... pluginClassNames) throws IOException {
        Path jar = dir.resolve(name + ".jar");
        Path classes = Path.of(TestPluginsLocation.classesDir());
        try (OutputStream fos = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(fos)) {
            out.putNextEntry(new JarEntry("META-INF/services/" + SitelensPlugin.class.getName()));
            out.write((String.join("\n", pluginClassNames) + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            Path pkg = classes.resolve("io/sitelens/testplugins");
            try (var files = Files.list(pkg)) {
                for (Path f : files.toList()) {
                    String file = f.getFileName().toString();
                    boolean wanted = file.startsWith("TestConnectors")
                            || java.util.Arrays.stream(pluginClassNames)
                                    .anyMatch(n -> file.equals(n.substring(HIDDEN_PACKAGE.length()) + ".class"));
                    if (!wanted) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry("io/sitelens/testplugins/" + f.getFileName()));
                    try (InputStream in = Files.newInputStream(f)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    /** A class loader over the jars whose parent cannot see the test-plugin package. */
    static ClassLoader loaderOver(List<Path> jars) throws IOException {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        ClassLoader hiding = new ClassLoader(PluginJars.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith(HIDDEN_PACKAGE)) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        return new URLClassLoader(urls, hiding);
    }

    private static final class TestPluginsLocation {
        static String classesDir() {
            try {
                return Path.of(io.sitelens.testplugins.TestConnectors.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
