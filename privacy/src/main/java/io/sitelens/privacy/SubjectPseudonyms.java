package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.DataSubject;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.privacy.internal.Hmac;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keyed pseudonyms of identities: {@code HMAC-SHA256(tenant's pseudonym key, "TYPE:normalised value")} as hex.
 * The same identity always gives the same pseudonym within a tenant, so an erased subject who comes back is
 * recognised (a withdrawn consent still holds), while nobody without the key can test a guess.
 */
public final class SubjectPseudonyms {
    private final TenantKeys keys;

    public SubjectPseudonyms(TenantKeys keys) {
        this.keys = requireNonNull(keys, "keys");
    }

    public String of(TenantId tenant, SubjectIdentity identity) {
        return Hmac.sha256Hex(keys.key(tenant, TenantKeys.PSEUDONYM), identity.toString());
    }

    public Set<String> of(TenantId tenant, DataSubject subject) {
        Set<String> out = new LinkedHashSet<>();
        for (SubjectIdentity i : subject.identities()) {
            out.add(of(tenant, i));
        }
        return out;
    }
}
