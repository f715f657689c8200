package io.sitelens.spi.storage;

import io.sitelens.model.ConsentRecord;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The consent ledger: append-only records, the newest per subject and purpose in force. */
public interface ConsentStore {

    void append(ConsentRecord record);

    /** Every record of the subject, oldest first. */
    List<ConsentRecord> history(TenantId tenant, SubjectIdentity subject);

    /** The newest record at or before {@code at} for the subject and purpose. */
    Optional<ConsentRecord> current(TenantId tenant, SubjectIdentity subject, Purpose purpose, Instant at);
}
