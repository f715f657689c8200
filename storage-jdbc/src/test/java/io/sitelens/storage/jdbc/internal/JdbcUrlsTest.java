package io.sitelens.storage.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Passwords never leave through a URL or a driver message. */
class JdbcUrlsTest {
    @Test
    void password_parameters_and_user_info_are_masked() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/app?user=sl&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/app?user=sl&password=****&ssl=true");
        assertThat(JdbcUrls.redact("jdbc:h2:file:/x;USER=sa;PASSWORD=hunter2;AUTO_SERVER=TRUE"))
                .doesNotContain("hunter2");
        assertThat(JdbcUrls.redact("postgresql://sl:hunter2@db/app")).isEqualTo("postgresql://****@db/app");
        assertThat(JdbcUrls.redact("sslpassword=k3y and pwd=x"))
                .doesNotContain("k3y")
                .doesNotContain("pwd=x");
    }

    @Test
    void a_description_has_no_user_password_parameters_or_settings() {
        assertThat(JdbcUrls.describe("jdbc:postgresql://db:5432/app?user=sl&password=hunter2"))
                .isEqualTo("postgresql://db:5432/app");
        assertThat(JdbcUrls.describe("jdbc:h2:file:/srv/sitelens;AUTO_SERVER=TRUE;PASSWORD=x"))
                .isEqualTo("h2:file:/srv/sitelens");
    }

    @Test
    void a_redacted_exception_chain_keeps_states_and_stacks_but_no_password() {
        SQLException cause = new SQLException("FATAL: password=hunter2 rejected", "28P01");
        SQLException top =
                new SQLException("connect to jdbc:postgresql://db/app?password=hunter2 failed", "08001", cause);
        SQLException copy = JdbcUrls.redacted(top);
        assertThat(copy.getSQLState()).isEqualTo("08001");
        assertThat(copy.getMessage()).doesNotContain("hunter2").contains("db/app");
        assertThat(copy.getStackTrace()).isEqualTo(top.getStackTrace());
        assertThat(((SQLException) copy.getCause()).getSQLState()).isEqualTo("28P01");
        assertThat(copy.getCause().getMessage()).doesNotContain("hunter2");
    }
}
