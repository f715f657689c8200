package io.sitelens.connector.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.connector.mailchimp.internal.MemberHash;
import org.junit.jupiter.api.Test;

class MemberHashTest {
    @Test
    void the_hash_is_the_md5_of_the_lower_cased_address_as_in_mailchimps_reference() {
        // the example of Mailchimp's "Methods and parameters" guide
        assertThat(MemberHash.of("urist.mcvankab@freddiesjokes.com")).isEqualTo("62eeb292278cc15f5817cb78f7790b08");
        assertThat(MemberHash.of(" Urist.McVankab@FreddiesJokes.com ")).isEqualTo("62eeb292278cc15f5817cb78f7790b08");
    }
}
