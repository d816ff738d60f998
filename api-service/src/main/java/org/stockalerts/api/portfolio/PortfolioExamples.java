package org.stockalerts.api.portfolio;

/** Example bodies for the OpenAPI description of the portfolio routes. */
final class PortfolioExamples {

    static final String HOLDING = """
            {"symbol": "AAPL", "quantity": 10, "averageCost": 150.25, "thresholdPrice": 200, "lastPrice": 187.40,
             "priceTime": "2026-01-02T15:59:58Z", "marketValue": 1874.00000000, "costBasis": 1502.50000000,
             "unrealizedPnl": 371.50000000, "unrealizedPnlPercent": 24.7255, "dayChange": 12.30000000,
             "dayChangePercent": 0.6606, "reason": null}""";

    static final String HOLDINGS = "[" + HOLDING + "]";

    static final String PORTFOLIO = """
            {"id": "01936f70-1b2c-7d3e-8f40-a1b2c3d4e5f6", "userId": "01936f6e-8a4c-7c1e-9b52-5f0c2d7a1e11",
             "name": "Main", "createdAt": "2026-01-02T10:20:00Z", "updatedAt": "2026-01-02T10:20:00Z",
             "holdings": [""" + HOLDING + """
            ], "totals": {"marketValue": 1874.00000000, "costBasis": 1502.50000000, "unrealizedPnl": 371.50000000,
             "unrealizedPnlPercent": 24.7255, "dayChange": 12.30000000, "reason": null}}""";

    private PortfolioExamples() {}
}
