package org.stockalerts.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.WithServiceSchemas;

/**
 * The client address of the rate limits behind a trusted proxy (here the test itself, at 127.0.0.1),
 * through Tomcat on a real port: the address the proxy appended to X-Forwarded-For counts, not one a
 * client put in front of it. The buckets' clock stands still, so nothing refills meanwhile.
 */
@IntegrationTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "stockalerts.api.rate-limits.per-address-burst=2",
            "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
            // the frozen clock would date the feed's ticks months back for every context on the broker
            "stockalerts.marketdata.enabled=false"
        })
@WithServiceSchemas("persistence")
@Import(FrozenClock.class)
class ClientAddressTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void countsTheAddressTheTrustedProxyAppendedNotOneTheClientForged() throws Exception {
        // Given a client behind the trusted proxy that spent its burst of two (each a 401: no key)
        assertThat(statusForwardedFor("203.0.113.5")).isEqualTo(401);
        assertThat(statusForwardedFor("203.0.113.5")).isEqualTo(401);

        // When it sends a third with a forged address in front of its own, then it is refused
        assertThat(statusForwardedFor("198.51.100.99, 203.0.113.5")).isEqualTo(429);

        // And another client behind the same proxy is not
        assertThat(statusForwardedFor("203.0.113.6")).isEqualTo(401);
    }

    private int statusForwardedFor(String forwardedFor) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/users/me"))
                .header("X-Forwarded-For", forwardedFor)
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
