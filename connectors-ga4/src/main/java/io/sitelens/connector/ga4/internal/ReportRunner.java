package io.sitelens.connector.ga4.internal;

import com.google.analytics.data.v1beta.BatchRunReportsRequest;
import com.google.analytics.data.v1beta.BatchRunReportsResponse;
import com.google.analytics.data.v1beta.BetaAnalyticsDataClient;
import com.google.analytics.data.v1beta.RunReportRequest;
import com.google.analytics.data.v1beta.RunReportResponse;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.MetricTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Fetches every page of every chunk of a set of {@link ReportPlan}s: first the first page of each chunk (to
 * learn {@code rowCount}), then all remaining pages. Requests are grouped into {@code batchRunReports} of up to
 * {@value #MAX_BATCH} as long as the rows they may hold add up to at most one full page ({@code maxRowsPerBatch}):
 * the HTTP/JSON transport parses a whole response in memory, so batching saves round trips for small reports
 * without multiplying memory for large ones. At most the property's concurrency limit of requests are in flight.
 */
public final class ReportRunner {
    /** GA4's limit of reports per batchRunReports. */
    public static final int MAX_BATCH = 5;
    /** A bound on pages per chunk, whatever rowCount a response claims. */
    static final long MAX_PAGES_PER_CHUNK = 10_000;

    private final String property;
    private final BetaAnalyticsDataClient client;
    private final Ga4Calls calls;
    private final Semaphore permits;
    private final ExecutorService executor;
    private final Consumer<RunReportResponse> quota;
    private final long maxRowsPerBatch;
    private final Semaphore rowsInFlight;
    private final int rowBudget;

    public ReportRunner(
            String property,
            BetaAnalyticsDataClient client,
            Ga4Calls calls,
            Semaphore permits,
            ExecutorService executor,
            Consumer<RunReportResponse> quota,
            long maxRowsPerBatch,
            Semaphore rowsInFlight,
            int rowBudget) {
        this.property = property;
        this.client = client;
        this.calls = calls;
        this.permits = permits;
        this.executor = executor;
        this.quota = quota;
        this.maxRowsPerBatch = maxRowsPerBatch;
        this.rowsInFlight = rowsInFlight;
        this.rowBudget = rowBudget;
    }

    /** One request: {@code rows} is the most rows its response can hold. */
    private record Page(ReportAssembly report, int chunk, long offset, long rows) {}

    /** Runs every plan; the tables come back in the plans' order. */
    public List<MetricTable> run(List<ReportPlan> plans, LocalDate today) {
        List<ReportAssembly> reports = plans.stream().map(ReportAssembly::new).toList();
        List<Page> first = new ArrayList<>();
        for (ReportAssembly r : reports) {
            for (int c = 0; c < r.plan.chunks.size(); c++) {
                first.add(new Page(r, c, 0, r.plan.firstPageRows()));
            }
        }
        execute(first);
        List<Page> rest = new ArrayList<>();
        for (ReportAssembly r : reports) {
            for (int c = 0; c < r.plan.chunks.size(); c++) {
                long want = Math.min(r.rowCount(c), r.plan.query.rowLimit());
                long pages = (want + r.plan.pageSize - 1) / r.plan.pageSize;
                if (pages > MAX_PAGES_PER_CHUNK) {
                    throw new SitelensException(
                            ErrorCode.EXTERNAL_MALFORMED,
                            Ga4Vocabulary.PROVIDER,
                            "GA4 announced " + r.rowCount(c) + " rows, more than " + MAX_PAGES_PER_CHUNK
                                    + " pages; set a row limit",
                            null);
                }
                for (long off = r.plan.pageSize; off < want; off += r.plan.pageSize) {
                    rest.add(new Page(r, c, off, Math.min(r.plan.pageSize, want - off)));
                }
            }
        }
        execute(rest);
        return reports.stream().map(r -> r.table(today)).toList();
    }

    private void execute(List<Page> pages) {
        if (pages.isEmpty()) {
            return;
        }
        List<List<Page>> batches = new ArrayList<>();
        List<Page> current = new ArrayList<>();
        long rows = 0;
        for (Page p : pages) {
            if (!current.isEmpty() && (current.size() == MAX_BATCH || rows + p.rows > maxRowsPerBatch)) {
                batches.add(current);
                current = new ArrayList<>();
                rows = 0;
            }
            current.add(p);
            rows += p.rows;
        }
        batches.add(current);
        if (batches.size() == 1) {
            runBatch(batches.get(0));
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (List<Page> b : batches) {
            futures.add(executor.submit(() -> runBatch(b)));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new SitelensException(ErrorCode.CANCELLED, Ga4Vocabulary.PROVIDER, "interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof SitelensException se) {
                throw se;
            }
            throw new SitelensException(
                    ErrorCode.INTERNAL, Ga4Vocabulary.PROVIDER, "GA4 report failed: " + e.getCause(), e.getCause());
        }
    }

    private void runBatch(List<Page> batch) {
        List<RunReportRequest> requests = batch.stream()
                .map(p -> p.report.plan.request(property, p.chunk, p.offset))
                .toList();
        // Memory: a response is parsed whole, so at most rowBudget rows are in flight (and being converted).
        int rows =
                (int) Math.min(rowBudget, batch.stream().mapToLong(Page::rows).sum());
        try {
            rowsInFlight.acquire(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitelensException(ErrorCode.CANCELLED, Ga4Vocabulary.PROVIDER, "interrupted", e);
        }
        try {
            fetch(batch, requests);
        } finally {
            rowsInFlight.release(rows);
        }
    }

    private void fetch(List<Page> batch, List<RunReportRequest> requests) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitelensException(ErrorCode.CANCELLED, Ga4Vocabulary.PROVIDER, "interrupted", e);
        }
        List<RunReportResponse> responses;
        try {
            if (requests.size() == 1) {
                responses = List.of(calls.call("runReport", () -> client.runReport(requests.get(0))));
            } else {
                BatchRunReportsResponse r = calls.call(
                        "batchRunReports",
                        () -> client.batchRunReports(BatchRunReportsRequest.newBuilder()
                                .setProperty(property)
                                .addAllRequests(requests)
                                .build()));
                responses = r.getReportsList();
            }
        } finally {
            permits.release();
        }
        if (responses.size() != batch.size()) {
            throw new SitelensException(
                    ErrorCode.EXTERNAL_MALFORMED,
                    Ga4Vocabulary.PROVIDER,
                    "GA4 answered " + responses.size() + " reports to a batch of " + batch.size(),
                    null);
        }
        for (int i = 0; i < batch.size(); i++) {
            Page p = batch.get(i);
            RunReportResponse r = responses.get(i);
            quota.accept(r);
            p.report.accept(p.chunk, p.offset, r);
        }
    }
}
