package io.sitelens.privacy;

import io.sitelens.model.ConsentRecord;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.ConsentResidue;
import io.sitelens.spi.storage.StorageAdapter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Erases an identity's consent-ledger records, keeping as residue the fact of each withdrawn consent (the
 * newest record per purpose, when it is a withdrawal) under the identity's keyed pseudonym.
 */
final class ConsentErasure {
    private ConsentErasure() {}

    static long erase(StorageAdapter storage, SubjectPseudonyms pseudonyms, TenantId tenant, SubjectIdentity id) {
        List<ConsentRecord> history = storage.consents().history(tenant, id);
        if (history.isEmpty()) {
            return 0;
        }
        Map<Purpose, ConsentRecord> newest = new EnumMap<>(Purpose.class);
        for (ConsentRecord r : history) {
            newest.put(r.purpose(), r); // history is oldest first
        }
        String pseudonym = pseudonyms.of(tenant, id);
        for (ConsentRecord r : newest.values()) {
            if (!r.granted()) {
                storage.privacy()
                        .addConsentResidue(new ConsentResidue(
                                tenant, pseudonym, r.purpose(), r.at(), r.noticeVersion(), r.method()));
            }
        }
        return storage.privacy().eraseConsentRecords(tenant, id);
    }
}
