package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** A person whose data a request concerns, known by one or more identities. */
public record DataSubject(List<SubjectIdentity> identities) {
    public DataSubject {
        identities = List.copyOf(requireNonNull(identities, "identities"));
        if (identities.isEmpty()) {
            throw new IllegalArgumentException("a data subject needs at least one identity");
        }
    }

    public static DataSubject of(SubjectIdentity... identities) {
        return new DataSubject(List.of(identities));
    }

    public List<SubjectIdentity> identities(IdentityType type) {
        return identities.stream().filter(i -> i.type() == type).toList();
    }

    public Optional<SubjectIdentity> first(IdentityType type) {
        return identities.stream().filter(i -> i.type() == type).findFirst();
    }
}
