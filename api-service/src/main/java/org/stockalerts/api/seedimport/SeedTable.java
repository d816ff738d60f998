package org.stockalerts.api.seedimport;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The tables of the Go version's database that an import reads, in the order it reads them. */
enum SeedTable {
    USERS("users"),
    PORTFOLIOS("portfolios"),
    STOCKS("stocks"),
    ALERTS("alerts"),
    STOCK_PRICES("stock_prices"),
    STOCK_ANALYTICS("stock_analytics");

    private final String tableName;

    SeedTable(String tableName) {
        this.tableName = tableName;
    }

    /** The table's name in the seed database. */
    String tableName() {
        return tableName;
    }

    /** {@code users#3}: how reports name a seed row. */
    String row(long id) {
        return tableName + "#" + id;
    }

    /**
     * A name-based id for what the row becomes in the port: the same seed row gives the same id on
     * every run, so a history row imported twice is the same row.
     */
    UUID derivedId(long id, String purpose) {
        return UUID.nameUUIDFromBytes(
                ("seed:" + tableName + ":" + id + ":" + purpose).getBytes(StandardCharsets.UTF_8));
    }
}
