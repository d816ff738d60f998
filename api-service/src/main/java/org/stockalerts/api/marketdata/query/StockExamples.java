package org.stockalerts.api.marketdata.query;

/** Example bodies for the OpenAPI description of the {@code /stocks} routes. */
final class StockExamples {

    static final String QUOTE = """
            {"symbol": "AAPL", "price": 201.37, "observedAt": "2026-01-02T15:31:07Z", "source": "alphavantage",
             "volume": 48213377, "dayOpen": 198.10, "dayHigh": 202.05, "dayLow": 197.62, "previousClose": 198.45,
             "change": 2.92, "changePercent": 1.47,
             "analytics": {"interval": "1m", "barEnd": "2026-01-02T15:31:00Z", "sma5": 200.84, "sma20": 199.97,
              "signal": "BULLISH", "signalChangedAt": "2026-01-02T15:12:00Z"}}""";

    static final String HISTORY = """
            {"symbol": "AAPL", "interval": "5m", "from": "2026-01-01T15:35:00Z", "to": "2026-01-02T15:35:00Z",
             "bars": [
              {"start": "2026-01-02T15:25:00Z", "end": "2026-01-02T15:30:00Z", "open": 200.12, "high": 200.98,
               "low": 199.87, "close": 200.75, "ticks": 5},
              {"start": "2026-01-02T15:30:00Z", "end": "2026-01-02T15:35:00Z", "open": 200.80, "high": 201.40,
               "low": 200.61, "close": 201.37, "ticks": 2}]}""";

    static final String ANALYTICS = """
            {"symbol": "AAPL", "interval": "1m",
             "latestBar": {"windowStart": "2026-01-02T15:30:00Z", "windowEnd": "2026-01-02T15:31:00Z",
              "tradingDate": "2026-01-02", "open": 200.80, "high": 201.40, "low": 200.61, "close": 201.37,
              "volume": 120345, "tickCount": 1, "average": 201.37, "amended": false},
             "today": {"tradingDate": "2026-01-02", "open": 198.10, "min": 197.62, "max": 202.05,
              "average": 200.02, "last": 201.37, "ticks": 78},
             "sma5": 200.84, "sma20": 199.97, "signal": "BULLISH", "signalChangedAt": "2026-01-02T15:12:00Z"}""";

    private StockExamples() {}
}
