package io.sitelens.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {
    final AddressGuard guard = new AddressGuard(false, Set.of());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.255.255.254",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "169.254.1.1",
                "100.64.0.1",
                "0.0.0.0",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fc00::1",
                "fd00:ec2::254",
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1",
                "::127.0.0.1",
                "64:ff9b::a9fe:a9fe"
            })
    void refuses_non_public_addresses(String ip) throws Exception {
        assertThat(guard.refusal(InetAddress.getByName(ip))).isNotNull().contains("refused by default");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"})
    void allows_public_addresses(String ip) throws Exception {
        assertThat(guard.refusal(InetAddress.getByName(ip))).isNull();
    }

    @Test
    void the_metadata_address_is_named_as_such() throws Exception {
        assertThat(guard.refusal(InetAddress.getByName("169.254.169.254"))).contains("metadata");
    }

    @Test
    void the_allow_list_and_the_private_network_option_open_the_guard() throws Exception {
        InetAddress two = InetAddress.getByName("127.0.0.2");
        AddressGuard listed = new AddressGuard(false, Set.of(two));
        assertThat(listed.refusal(two)).isNull();
        assertThat(listed.refusal(InetAddress.getByName("127.0.0.1"))).isNotNull();
        assertThat(new AddressGuard(true, Set.of()).refusal(InetAddress.getByName("127.0.0.1")))
                .isNull();
    }
}
