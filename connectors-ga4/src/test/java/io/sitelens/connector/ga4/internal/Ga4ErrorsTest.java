package io.sitelens.connector.ga4.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Ga4ErrorsTest {
    @Test
    void quota_texts_tell_daily_from_hourly_and_concurrent() {
        assertThat(Ga4Errors.quotaKind("Exhausted property tokens per day.")).isEqualTo(Ga4Errors.QuotaKind.DAILY);
        assertThat(Ga4Errors.quotaKind("Exhausted property tokens for a project per hour."))
                .isEqualTo(Ga4Errors.QuotaKind.HOURLY);
        assertThat(Ga4Errors.quotaKind("Exhausted potentially thresholded requests quota."))
                .isEqualTo(Ga4Errors.QuotaKind.HOURLY);
        assertThat(Ga4Errors.quotaKind("Exhausted concurrent requests quota."))
                .isEqualTo(Ga4Errors.QuotaKind.CONCURRENT);
    }

    @Test
    void the_message_is_read_from_a_google_error_envelope() {
        assertThat(Ga4Errors.messageFromJson("{\"error\":{\"code\":403,\"message\":\"No access\"}}"))
                .isEqualTo("No access");
        assertThat(Ga4Errors.messageFromJson("<html>")).isNull();
    }
}
