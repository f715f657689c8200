package io.sitelens.privacy;

import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ConsentMethod;
import io.sitelens.model.ConsentRecord;
import io.sitelens.model.ConsentState;
import io.sitelens.model.DataSubject;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import io.sitelens.spi.storage.SubjectRecord;
import io.sitelens.tck.privacy.PrivacyRightsHandlerContract;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class StoragePrivacyHandlerContractTest extends PrivacyRightsHandlerContract {
    private static final TenantId TENANT = TenantId.of("tck-tenant");
    private static final SubjectIdentity EMAIL = SubjectIdentity.parse("email:ana.lima@example.org");
    private static final SubjectIdentity ACCOUNT = SubjectIdentity.parse("account:cus-4711");
    private InMemoryStorageAdapter storage;

    @Override
    protected PrivacyRightsHandler handler() {
        storage = new InMemoryStorageAdapter();
        return StoragePrivacyHandler.of(storage);
    }

    @Override
    protected DataSubject knownSubject() {
        return DataSubject.of(EMAIL, ACCOUNT);
    }

    @Override
    protected void seedKnownSubject() {
        Instant t = Instant.parse("2026-01-10T09:00:00Z");
        storage.privacy()
                .putSubjectRecord(new SubjectRecord(
                        TENANT,
                        "contact-1",
                        RetentionPolicies.CUSTOMER_DATA,
                        List.of(EMAIL, ACCOUNT),
                        Map.of("name", "Ana Lima", "email", EMAIL.value(), "phone", "+351 21 000 0000"),
                        List.of(),
                        t,
                        null));
        storage.consents()
                .append(new ConsentRecord(
                        TENANT,
                        EMAIL,
                        Purpose.MARKETING,
                        ConsentState.GRANTED,
                        t,
                        "v3",
                        ConsentMethod.FORM,
                        "newsletter-form"));
    }

    @Override
    protected Map<String, String> rectification() {
        return Map.of("name", "Ana Lima Souza");
    }
}
