package com.partnerflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a partner's webhook may go in production (allow-private-addresses off), on a resolver of the test's own. */
class EndpointAddressesTest {

    private static final Map<String, String> DNS = Map.of(
            "crm.example.ru", "93.184.216.34",
            "rebound.example.ru", "10.0.0.5",
            "localhost", "127.0.0.1",
            "metadata.example.ru", "169.254.169.254");

    private final EndpointAddresses production = new EndpointAddresses(false, EndpointAddressesTest::resolve);
    private final EndpointAddresses demo = new EndpointAddresses(true, EndpointAddressesTest::resolve);

    @Test
    void aPublicHttpsAddressIsAllowed() {
        assertThat(production.refusal("https://crm.example.ru/hooks/partnerflow?source=pf")).isEmpty();
        assertThat(production.refusal("https://93.184.216.34:8443/hook")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://crm.example.ru/hook", "ftp://crm.example.ru/hook", "file:///etc/passwd", "crm.example.ru/hook",
            "https://user:pw@crm.example.ru/hook", "https://crm.example.ru/hook#x", "https://crm example/"})
    void onlyAnHttpsUrlWithAHostAndNothingElseIsAllowed(String url) {
        assertThat(production.refusal(url)).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost/hook", "https://127.0.0.1/hook", "https://127.1.2.3/hook", "https://10.1.2.3/hook",
            "https://172.16.0.1/hook", "https://172.31.255.1/hook", "https://192.168.1.10/hook", "https://100.64.0.1/hook",
            "https://0.0.0.0/hook", "https://169.254.169.254/latest/meta-data/", "https://metadata.example.ru/",
            "https://[::1]/hook", "https://[fd00:ec2::254]/hook", "https://[fe80::1]/hook", "https://[::ffff:127.0.0.1]/hook",
            "https://[::ffff:10.0.0.1]/hook", "https://[::]/hook", "https://224.0.0.1/hook", "https://rebound.example.ru/hook",
            "https://unknown.example.ru/hook"})
    void addressesIntoTheServersOwnNetworkAreRefused(String url) {
        assertThat(production.refusal(url)).as(url).isPresent();
    }

    @Test
    void theDemoSettingAllowsLoopbackAndPlainHttpButNeverTheMetadataService() {
        assertThat(demo.refusal("http://127.0.0.1:9000/hook")).isEmpty();
        assertThat(demo.refusal("http://10.0.0.5/hook")).isEmpty();
        assertThat(demo.refusal("http://169.254.169.254/latest/meta-data/")).hasValueSatisfying(
                refusal -> assertThat(refusal).contains("169.254.169.254"));
        assertThat(demo.refusal("https://[fe80::1]/hook")).isPresent();
        assertThat(demo.refusal("gopher://127.0.0.1/")).isPresent();
    }

    @Test
    void theDefaultScheduleIsStandardWebhooksAndEndsInFailure() {
        WebhookSettings settings = new WebhookSettings(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)),
                Duration.ofSeconds(5), Duration.ofSeconds(10), false, 20);
        assertThat(settings.maxAttempts()).isEqualTo(8);
        assertThat(settings.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.delayAfter(7)).isEqualTo(Duration.ofHours(10));
        assertThat(settings.delayAfter(8)).as("given up").isNull();
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (literal.matches("[0-9.]+") || literal.contains(":")) {
            return new InetAddress[] {InetAddress.getByName(literal)};
        }
        String address = DNS.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }
}
