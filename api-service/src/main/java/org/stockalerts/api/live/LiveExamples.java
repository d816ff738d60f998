package org.stockalerts.api.live;

/** Example streams for the OpenAPI description of the live routes (server-sent events, as they go on the wire). */
final class LiveExamples {

    static final String ALERTS = """
            id: 3-12345
            event: alert
            data: {"eventId":"01936f90-0a1b-7c2d-8e3f-4a5b6c7d8e9f","occurredAt":"2026-01-02T15:31:07.412Z",\
            "version":1,"alertId":"5f1c2d3e-4a5b-5c6d-8e7f-901a2b3c4d5e","userId":"01936f6e-8a4c-7c1e-9b52-5f0c2d7a1e11",\
            "symbol":"AAPL","sourceEventId":"01936f8f-ffee-7ddc-8bba-998877665544","observedValue":201.37,\
            "observedAt":"2026-01-02T15:31:07Z","message":"AAPL rose above 200.00 (now 201.37)"}

            :heartbeat

            """;

    static final String TICKS = """
            id: 01936f8f-ffee-7ddc-8bba-998877665544
            event: tick
            data: {"eventId":"01936f8f-ffee-7ddc-8bba-998877665544","occurredAt":"2026-01-02T15:31:07.120Z",\
            "version":1,"symbol":"AAPL","price":201.37,"volume":48213377,"source":"alphavantage",\
            "observedAt":"2026-01-02T15:31:07Z"}

            """;

    private LiveExamples() {}
}
