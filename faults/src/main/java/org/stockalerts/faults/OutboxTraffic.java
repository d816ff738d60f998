package org.stockalerts.faults;

import org.stockalerts.e2e.ApiClient;

/**
 * Rule changes that go through api-service's outbox, on a rule of its own (symbol FTOUT, which no
 * tick names), so that a killed api-service leaves unpublished outbox rows behind without changing
 * what the oracle expects.
 */
final class OutboxTraffic {

    private OutboxTraffic() {}

    /** Creates a spare rule, then pauses and resumes it {@code changes} times in all. */
    static void changeRules(String apiBaseUrl, Population population, int changes) throws Exception {
        ApiClient api = new ApiClient(apiBaseUrl);
        Population.User user = population.users().get(0);
        String rule = api.call(
                        "POST",
                        "/alerts",
                        user.apiKey(),
                        "{\"symbol\":\"FTOUT\",\"condition\":\"CROSSES_UP\",\"threshold\":100.00,"
                                + "\"triggerMode\":\"REARM\",\"rearmMargin\":0.50,\"channels\":[\"IN_APP\"]}")
                .get("id")
                .asString();
        for (int c = 0; c < changes; c++) {
            api.call("POST", "/alerts/" + rule + (c % 2 == 0 ? "/pause" : "/resume"), user.apiKey(), null);
        }
    }
}
