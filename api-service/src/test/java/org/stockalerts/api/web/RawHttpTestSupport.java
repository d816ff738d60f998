package org.stockalerts.api.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.WithServiceSchemas;

/**
 * Base of the tests that write {@link RawHttp} requests to the running server: one Spring context for all of
 * them. The rate limits stay on (their filter sees every case), but every case registers a user of its own and
 * sends its requests from the one test address: room for them all.
 */
@IntegrationTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "stockalerts.api.rate-limits.registrations-per-hour=1000",
            "stockalerts.api.rate-limits.per-address-burst=1000"
        })
@WithServiceSchemas("persistence")
public abstract class RawHttpTestSupport {

    @LocalServerPort
    protected int port;
}
