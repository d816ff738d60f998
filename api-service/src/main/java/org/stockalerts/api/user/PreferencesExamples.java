package org.stockalerts.api.user;

/** Example bodies for the OpenAPI description of the preferences routes. */
final class PreferencesExamples {

    /** In quiet hours now (at 23:15 New York time): deliveries to channels wait until 07:00. */
    static final String PREFERENCES = """
            {"timeZone": "America/New_York", "quietHours": {"start": "22:00", "end": "07:00"},
             "dailyCaps": {"EMAIL": 20}, "quietUntil": "2026-03-11T11:00:00Z", "updatedAt": "2026-03-10T18:02:11Z"}""";

    private PreferencesExamples() {}
}
