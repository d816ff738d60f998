package org.stockalerts.api.alerts;

/** Example bodies for the OpenAPI description of the alert routes. */
final class AlertExamples {

    static final String RULE = """
            {"id": "01936f72-3c4d-7e5f-9a60-b1c2d3e4f5a6", "userId": "01936f6e-8a4c-7c1e-9b52-5f0c2d7a1e11",
             "symbol": "AAPL", "condition": "PRICE_ABOVE", "threshold": 200.00, "triggerMode": "COOLDOWN",
             "cooldownSeconds": 3600, "channels": ["IN_APP", "WEBHOOK"], "status": "ACTIVE", "session": "REGULAR",
             "revision": 1,
             "createdAt": "2026-01-02T10:25:00Z", "updatedAt": "2026-01-02T10:25:00Z"}""";

    static final String RULE_WITH_WARNING = """
            {"id": "01936f72-3c4d-7e5f-9a60-b1c2d3e4f5a6", "userId": "01936f6e-8a4c-7c1e-9b52-5f0c2d7a1e11",
             "symbol": "AAPL", "condition": "PRICE_ABOVE", "threshold": 200.00, "triggerMode": "ONCE",
             "channels": ["IN_APP"], "status": "ACTIVE", "session": "ANY", "revision": 1,
             "createdAt": "2026-01-02T10:25:00Z", "updatedAt": "2026-01-02T10:25:00Z",
             "warnings": [{"code": "ALREADY_SATISFIED",
              "message": "AAPL was 201.37 at 2026-01-02T10:24:58Z, already at or above 200.00: the rule fires on \
            the next tick of AAPL. To be told when the price gets there, use CROSSES_UP."}]}""";

    static final String DRY_RUN_REQUEST = """
            {"rule": {"symbol": "AAPL", "condition": "CROSSES_UP", "threshold": 200.00, "triggerMode": "REARM",
              "rearmMargin": 1.00}, "from": "2026-01-02T14:30:00Z", "to": "2026-01-02T21:00:00Z"}""";

    static final String DRY_RUN = """
            {"ruleId": "01936f75-0a1b-7c2d-8e3f-4a5b6c7d8e9f", "symbol": "AAPL", "condition": "CROSSES_UP",
             "from": "2026-01-02T14:30:00Z", "to": "2026-01-02T21:00:00Z", "ticksExamined": 4680,
             "firstTickAt": "2026-01-02T14:30:02Z", "lastTickAt": "2026-01-02T20:59:57Z",
             "alerts": [{"alertId": "6a2d3e4f-5b6c-5d7e-8f90-a1b2c3d4e5f6",
               "sourceEventId": "01936f90-7a8b-7c9d-8e0f-1a2b3c4d5e6f", "observedAt": "2026-01-02T15:31:07Z",
               "price": 200.12, "message": "AAPL crossed up through 200.00 (now 200.12)",
               "receipt": {"condition": "CROSSES_UP", "threshold": 200.00, "percent": null, "reference": null,
                "windowMinutes": null, "signal": null, "observedValue": 200.12, "previousValue": 199.95,
                "referencePrice": null, "sourceEventId": "01936f90-7a8b-7c9d-8e0f-1a2b3c4d5e6f",
                "source": "alphavantage", "observedAt": "2026-01-02T15:31:07Z", "evaluatedAt": null,
                "latencyMillis": null, "ruleRevision": 1,
                "before": {"armed": true, "lastFiredAt": null},
                "after": {"armed": false, "lastFiredAt": "2026-01-02T15:31:07Z"}}}],
             "after": {"armed": false, "lastFiredAt": "2026-01-02T15:31:07Z"}}""";

    static final String EXPLAIN = """
            {"ruleId": "01936f72-3c4d-7e5f-9a60-b1c2d3e4f5a6", "status": "ACTIVE", "revision": 2, "engineRevision": 2,
             "lastValue": 196.40, "lastEvaluatedAt": "2026-01-02T15:31:07Z",
             "state": {"armed": true, "lastFiredAt": null},
             "reasons": [{"code": "CONDITION_NOT_MET", "detail": "the price 196.40 is not yet at or above 200.00",
               "level": 200.00, "distance": 3.60, "until": null, "ageSeconds": null}],
             "explainedAt": "2026-01-02T15:31:09.120Z"}""";

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
