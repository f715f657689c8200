/**
 * GDPR tooling: data-subject requests across every {@link io.sitelens.spi.privacy.PrivacyRightsHandler}
 * ({@link io.sitelens.privacy.PrivacyRequests}), retention ({@link io.sitelens.privacy.RetentionJob}), the
 * consent ledger ({@link io.sitelens.privacy.ConsentLedger}), a tamper-evident audit log
 * ({@link io.sitelens.privacy.AuditLog}), records of processing and transfers
 * ({@link io.sitelens.privacy.ProcessingRegister}), and the gate flows consult before processing an individual
 * ({@link io.sitelens.privacy.ProcessingGate}).
 */
@NullMarked
package io.sitelens.privacy;

import org.jspecify.annotations.NullMarked;
