package org.stockalerts.api.channels;

/** Example bodies for the OpenAPI description of the channel routes. */
final class ChannelExamples {

    static final String CREATED = """
            {"id": "01936f74-5e6f-7a8b-9c0d-e1f2a3b4c5d6", "type": "WEBHOOK",
             "address": "https://hooks.example.com/stock-alerts", "enabled": true, "createdAt": "2026-01-02T10:30:00Z",
             "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw4ZzJ0sZ7tQ8=", "status": "ACTIVE"}""";

    static final String CHANNEL = """
            {"id": "01936f74-5e6f-7a8b-9c0d-e1f2a3b4c5d6", "type": "WEBHOOK",
             "address": "https://hooks.example.com/stock-alerts", "enabled": true, "createdAt": "2026-01-02T10:30:00Z",
             "status": "ACTIVE"}""";

    /** A webhook the delivery service disabled: it answered 410 Gone. */
    static final String DISABLED = """
            {"id": "01936f74-5e6f-7a8b-9c0d-e1f2a3b4c5d7", "type": "WEBHOOK",
             "address": "https://old-hooks.example.com/stock-alerts", "enabled": true,
             "createdAt": "2025-11-02T10:30:00Z", "status": "DISABLED",
             "disabledReason": "the receiver answered 410 Gone", "disabledAt": "2026-01-02T09:00:00Z",
             "health": {"consecutiveFailures": 4, "permanentFailures": 1, "failingSince": "2026-01-01T22:10:00Z",
                        "lastError": "the receiver answered 410", "lastFailureAt": "2026-01-02T09:00:00Z"}}""";

    /** A Slack channel: its webhook URL is a secret, shown masked. */
    static final String SLACK = """
            {"id": "01936f74-5e6f-7a8b-9c0d-e1f2a3b4c5d8", "type": "SLACK",
             "address": "https://hooks.slack.com/services/T0001/B0001/****L789", "enabled": true,
             "createdAt": "2026-01-03T08:00:00Z", "status": "ACTIVE"}""";

    /** A test message Slack refused: the webhook was removed. */
    static final String TESTED = """
            {"channelId": "01936f74-5e6f-7a8b-9c0d-e1f2a3b4c5d8", "outcome": "PERMANENT", "statusCode": 404,
             "error": "the provider answered 404: no_active_hooks", "latencyMillis": 212,
             "testedAt": "2026-01-03T08:05:00Z"}""";

    /** AAPL's market data back after 15 minutes, the notice that it went blind, and a Discord channel disabled. */
    static final String NOTICES = """
            [{"kind": "FEED_RESUMED", "symbol": "AAPL", "problem": "NO_TICKS",
              "detail": "Prices for AAPL are back since 2026-01-02 10:40 EST, after 15 minutes without them (the \
            market-data provider sent none for longer than expected while the market was open). Your alerts on AAPL \
            fire again. The 2 prices the provider reported for the gap were checked against your rules: a crossing \
            you missed fires now, marked \\"catch-up\\".",
              "at": "2026-01-02T15:40:00Z"},
             {"kind": "FEED_STALE", "symbol": "AAPL", "problem": "NO_TICKS",
              "detail": "Since 2026-01-02 10:25 EST we get no prices for AAPL: the market-data provider sent none \
            for longer than expected while the market was open. Its last price is from 2026-01-02 10:20 EST. Your \
            alerts on AAPL cannot fire until prices return; we will tell you when they do, and check what you missed \
            then.",
              "at": "2026-01-02T15:25:00Z"},
             {"kind": "CHANNEL_DISABLED", "channelId": "01936f74-5e6f-7a8b-9c0d-e1f2a3b4c5d9", "channelType": "DISCORD",
              "address": "https://discord.com/api/webhooks/123456789012345678/****9876",
              "detail": "deliveries to this channel stopped: 3 final errors without a success, the last: 404 Unknown Webhook",
              "at": "2026-01-02T09:00:00Z"}]""";

    static final String CHANNELS = "[" + CHANNEL + ", " + DISABLED + ", " + SLACK + "]";

    static final String ROTATED = """
            {"channelId": "01936f74-5e6f-7a8b-9c0d-e1f2a3b4c5d6",
             "secret": "whsec_3q2+796tvu8JYXx9o6HNRrj1UnqjITjKZQh4bwNfVDE=",
             "previousSecretExpiresAt": "2026-01-03T10:30:00Z"}""";

    private ChannelExamples() {}
}
