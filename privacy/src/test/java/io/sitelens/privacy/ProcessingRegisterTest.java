package io.sitelens.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProcessingRegisterTest {
    @Test
    void the_register_exports_activities_and_dated_transfers_as_json() throws Exception {
        ProcessingRegister r = ProcessingRegister.defaults()
                .newBuilder()
                .controller("Acme SARL")
                .transfer(new Transfer(
                        "Google LLC",
                        "US",
                        TransferMechanism.ADEQUACY_DECISION,
                        "EU-US Data Privacy Framework",
                        LocalDate.of(2023, 7, 10),
                        "GA4 client ids"))
                .transfer(new Transfer(
                        "Mailchimp (Intuit Inc.)",
                        "US",
                        TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES,
                        "SCC 2021/914 module 2",
                        LocalDate.of(2024, 2, 1),
                        "e-mail addresses"))
                .build();
        JsonNode doc = new ObjectMapper().readTree(r.toJson());
        assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.path("controller").asText()).isEqualTo("Acme SARL");
        assertThat(doc.path("activities").size()).isEqualTo(4);
        JsonNode first = doc.path("activities").get(0);
        for (String f : new String[] {
            "name", "purpose", "legalBasis", "subjects", "dataCategories", "recipients", "retention", "sources"
        }) {
            assertThat(first.has(f)).as("Art. 30 field " + f).isTrue();
        }
        JsonNode t = doc.path("transfersOutsideEea");
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.get(0).path("mechanism").asText()).isEqualTo("adequacy_decision");
        assertThat(t.get(0).path("date").asText()).isEqualTo("2023-07-10");
        assertThat(t.get(1).path("mechanism").asText()).isEqualTo("standard_contractual_clauses");
    }

    @Test
    void a_transfer_needs_a_country_code() {
        assertThatThrownBy(() -> new Transfer(
                        "X", "United States", TransferMechanism.ADEQUACY_DECISION, "DPF", LocalDate.now(), "ids"))
                .hasMessageContaining("ISO 3166-1");
    }
}
