package io.sitelens.spi.storage;

import io.sitelens.model.ProjectKey;
import io.sitelens.model.UsageRecord;
import io.sitelens.model.UsageSummary;
import java.time.Instant;
import java.util.Collection;

public interface UsageStore {

    void record(Collection<UsageRecord> records);

    /** Totals per provider and kind for records at or after {@code from} and before {@code to}. */
    UsageSummary summarize(ProjectKey project, Instant from, Instant to);
}
