package org.stockalerts.api.alerts;

/** Example bodies for the OpenAPI description of the alert routes. */
final class AlertExamples {

    static final String RULE = """
            {"id": "01936f72-3c4d-7e5f-9a60-b1c2d3e4f5a6", "userId": "01936f6e-8a4c-7c1e-9b52-5f0c2d7a1e11",
             "symbol": "AAPL", "condition": "PRICE_ABOVE", "threshold": 200.00, "triggerMode": "COOLDOWN",
             "cooldownSeconds": 3600, "channels": ["IN_APP", "WEBHOOK"], "status": "ACTIVE", "session": "REGULAR",
             "revision": 1,
             "createdAt": "2026-01-02T10:25:00Z", "updatedAt": "2026-01-02T10:25:00Z"}""";

    static final String RULES = "{\"items\": [" + RULE + "], \"page\": 0, \"size\": 50, \"total\": 1}";

    static final String FIRED = """
            {"items": [{"alertId": "5f1c2d3e-4a5b-5c6d-8e7f-901a2b3c4d5e",
             "ruleId": "01936f72-3c4d-7e5f-9a60-b1c2d3e4f5a6", "symbol": "AAPL", "condition": "PRICE_ABOVE",
             "observedValue": 201.37, "message": "AAPL rose above 200.00 (now 201.37)",
             "observedAt": "2026-01-02T15:31:07Z", "triggeredAt": "2026-01-02T15:31:07Z", "cursor": "3-12345",
             "receipt": {"condition": "PRICE_ABOVE", "threshold": 200.00, "percent": null, "reference": null,
              "windowMinutes": null, "signal": null, "observedValue": 201.37, "previousValue": 199.80,
              "referencePrice": null, "sourceEventId": "01936f90-7a8b-7c9d-8e0f-1a2b3c4d5e6f",
              "source": "alphavantage", "observedAt": "2026-01-02T15:31:07Z",
              "evaluatedAt": "2026-01-02T15:31:07.412Z", "latencyMillis": 38, "ruleRevision": 1,
              "before": {"armed": true, "lastFiredAt": null},
              "after": {"armed": true, "lastFiredAt": "2026-01-02T15:31:07Z"}}}],
             "page": 0, "size": 50, "total": 1}""";

    static final String DELIVERIES = """
            [{"channel": "WEBHOOK", "channelId": "01936f80-1a2b-7c3d-8e4f-5a6b7c8d9e0f", "state": "DELIVERED",
              "attempts": [
                {"attempt": 1, "attemptedAt": "2026-01-02T15:31:08Z", "outcome": "RETRYING", "statusCode": 503,
                 "error": "HTTP 503", "latencyMs": 412},
                {"attempt": 2, "attemptedAt": "2026-01-02T15:31:13Z", "outcome": "DELIVERED", "statusCode": 200,
                 "error": null, "latencyMs": 87}]},
             {"channel": "EMAIL", "channelId": "01936f80-2b3c-7d4e-9f50-6b7c8d9e0f1a", "state": "DELIVERED",
              "attempts": [{"attempt": 1, "attemptedAt": "2026-01-02T15:31:08Z", "outcome": "DELIVERED",
                "statusCode": null, "error": null, "latencyMs": 240}]}]""";

    private AlertExamples() {}
}
