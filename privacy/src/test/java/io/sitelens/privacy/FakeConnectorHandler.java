package io.sitelens.privacy;

import io.sitelens.model.DataSubject;
import io.sitelens.model.IdentityType;
import io.sitelens.model.Purpose;
import io.sitelens.spi.privacy.ExportedItem;
import io.sitelens.spi.privacy.HandlerResult;
import io.sitelens.spi.privacy.PrivacyRequestContext;
import io.sitelens.spi.privacy.PrivacyRight;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A hand-written fake of a connector's handler: knows visitors by email, can be told to fail. */
final class FakeConnectorHandler implements PrivacyRightsHandler {
    private final String id;
    private final Set<PrivacyRight> rights;
    final List<String> calls = new ArrayList<>();
    int failuresLeft;
    boolean throwInstead;

    FakeConnectorHandler(String id, Set<PrivacyRight> rights) {
        this.id = id;
        this.rights = rights;
    }

    FakeConnectorHandler(String id) {
        this(id, EnumSet.allOf(PrivacyRight.class));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<PrivacyRight> supportedRights() {
        return rights;
    }

    @Override
    public Set<IdentityType> identityTypes() {
        return EnumSet.of(IdentityType.EMAIL, IdentityType.MATOMO_VISITOR);
    }

    private HandlerResult maybeFail(String what, DataSubject s) {
        calls.add(what);
        if (failuresLeft > 0) {
            failuresLeft--;
            if (throwInstead) {
                throw new IllegalStateException("connection reset while erasing "
                        + s.identities().get(0).value());
            }
            return HandlerResult.failed(id, id + " answered 503");
        }
        return null;
    }

    @Override
    public HandlerResult access(PrivacyRequestContext request, DataSubject subject) {
        HandlerResult f = maybeFail("access", subject);
        return f != null
                ? f
                : HandlerResult.exported(
                        id,
                        List.of(
                                new ExportedItem("visit", id + ":visits", Map.of("url", "/pricing"), true),
                                new ExportedItem("segment", id + ":segments", Map.of("segment", "returning"), false)));
    }

    @Override
    public HandlerResult erase(PrivacyRequestContext request, DataSubject subject) {
        HandlerResult f = maybeFail("erase", subject);
        return f != null ? f : HandlerResult.done(id, 3, "deleted 3 visits");
    }

    @Override
    public HandlerResult restrict(PrivacyRequestContext request, DataSubject subject, boolean restricted) {
        HandlerResult f = maybeFail("restrict:" + restricted, subject);
        return f != null ? f : HandlerResult.done(id, 1, "ok");
    }

    @Override
    public HandlerResult object(PrivacyRequestContext request, DataSubject subject, Purpose purpose) {
        HandlerResult f = maybeFail("object:" + purpose, subject);
        return f != null ? f : HandlerResult.done(id, 1, "ok");
    }
}
