package org.stockalerts.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;

/** The services' {@code /actuator/prometheus} scrapes, read as Prometheus would. */
final class PrometheusScrapes {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusScrapes() {}

    /**
     * The scrapes of the actuators at {@code managementUrls} ({@code http://127.0.0.1:9080/actuator}), one after
     * another.
     *
     * @throws IllegalStateException when one answers anything but 200
     */
    static String of(Collection<String> managementUrls) throws IOException, InterruptedException {
        StringBuilder scrapes = new StringBuilder();
        for (String actuator : managementUrls) {
            HttpResponse<String> scrape = HTTP.send(
                    HttpRequest.newBuilder(URI.create(actuator + "/prometheus"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (scrape.statusCode() != 200) {
                throw new IllegalStateException(actuator + "/prometheus answered " + scrape.statusCode());
            }
            scrapes.append(scrape.body());
        }
        return scrapes.toString();
    }
}
