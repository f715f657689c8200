package io.sitelens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.CrawlRun;
import io.sitelens.storage.jdbc.JdbcStorage;
import io.sitelens.storage.jdbc.JdbcStorageAdapter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code sitelens crawl} process killed with SIGKILL in the middle of a crawl (results still buffered, a run
 * left RUNNING) is resumed by the next {@code sitelens crawl} of the same root: every page not stored is fetched
 * exactly once more, no stored page is fetched again, and the run ends with every page stored.
 */
class KilledCrawlIT {
    static final int PAGES = 400;

    @TempDir
    Path dir;

    HttpServer server;
    ExecutorService pool;
    String root;
    final ConcurrentHashMap<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pool = Executors.newFixedThreadPool(16);
        server.setExecutor(pool);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            String html = null;
            if (path.equals("/")) {
                StringBuilder sb = new StringBuilder(
                        "<html><head><title>Home of the killed-crawl test site</title>" + "</head><body><h1>Home</h1>");
                for (int i = 0; i < PAGES; i++) {
                    sb.append("<a href=\"/p")
                            .append(i)
                            .append("\">Page ")
                            .append(i)
                            .append("</a> ");
                }
                html = sb.append("</body></html>").toString();
            } else if (path.matches("/p\\d+")) {
                html = "<html><head><title>Page " + path + " of the killed-crawl test site</title></head><body>"
                        + "<h1>" + path + "</h1><a href=\"/\">Home</a></body></html>";
            }
            if (html != null) {
                hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
                try {
                    Thread.sleep(100); // a slow site (8 requests at a time: 5 s), still crawling when killed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = (html == null ? "not found" : html).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(html == null ? 404 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        root = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterEach
    void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    int pageHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Test
    void a_killed_crawl_resumes_and_fetches_only_the_pages_it_had_not_stored() throws Exception {
        Path store = dir.resolve("store");
        ProjectKey project = ProjectKey.of("local", CrawlCommand.projectId(HttpUrl.get(root)));
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "crawl",
                        root,
                        "--allow-private-network",
                        "--no-external",
                        "--store",
                        store.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        try {
            for (int i = 0; i < 600 && !Files.exists(store.resolve("sitelens.mv.db")) && child.isAlive(); i++) {
                Thread.sleep(50);
            }
            // watch the child's store (through its embedded server) until a first batch of pages is stored
            try (JdbcStorageAdapter watch = JdbcStorage.embedded(store)) {
                for (int i = 0; i < 1200 && child.isAlive(); i++) {
                    Optional<CrawlRun> run = watch.crawls().latestRun(project, root);
                    if (run.isPresent()
                            && watch.crawls().pages(project, run.get().id()).size() >= 50) {
                        break;
                    }
                    Thread.sleep(25);
                }
                // H2 writes committed transactions to its file up to WRITE_DELAY (0.5 s) later: give it a second,
                // so the kill finds stored pages (what it loses is fetched again, which the test also checks)
                Thread.sleep(1000);
                assertThat(child.isAlive())
                        .as(
                                "the crawl was still running when killed; its output: %s",
                                Files.readString(dir.resolve("child.log")))
                        .isTrue();
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            child.destroyForcibly();
        }
        int fetchedByTheKilledProcess = pageHits();

        long runId;
        int stored;
        try (JdbcStorageAdapter after = JdbcStorage.embedded(store)) {
            CrawlRun run = after.crawls().latestRun(project, root).orElseThrow();
            assertThat(run.status()).as("a killed process cannot close its run").isEqualTo(CrawlRun.Status.RUNNING);
            runId = run.id();
            stored = after.crawls().pages(project, runId).size();
        }
        assertThat(stored).as("pages stored by the killed process").isBetween(1, PAGES);

        CliRun resumed = CliRun.of(
                "crawl", root, "--allow-private-network", "--no-external", "--json", "--store", store.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err())
                .contains("resuming crawl run " + runId + " of " + root + ": " + stored + " pages stored, "
                        + (PAGES + 1 - stored) + " URLs left");
        assertThat(new ObjectMapper().readTree(resumed.out()).get("pages").asInt())
                .isEqualTo(PAGES + 1);
        assertThat(pageHits() - fetchedByTheKilledProcess)
                .as("the resumed crawl fetched each page that was not stored once, and no stored page")
                .isEqualTo(PAGES + 1 - stored);
        try (JdbcStorageAdapter end = JdbcStorage.embedded(store)) {
            assertThat(end.crawls().run(project, runId).orElseThrow().status()).isEqualTo(CrawlRun.Status.COMPLETED);
            assertThat(end.crawls().pages(project, runId)).hasSize(PAGES + 1);
            assertThat(end.crawls().links(project, runId))
                    .as("every link of every page, once")
                    .hasSize(PAGES + PAGES);
        }
    }
}
