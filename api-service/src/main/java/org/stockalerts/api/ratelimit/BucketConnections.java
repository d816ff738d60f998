package org.stockalerts.api.ratelimit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The rate limiter's own small pool to the application's database, whose connections commit without
 * waiting for the write-ahead log to reach the disk ({@code synchronous_commit=off}).
 *
 * <p>Why a pool of its own: a bucket's sync takes a connection while the request that triggered it may
 * hold one of the application's pool already (the idempotency filter does), so sharing that pool could
 * leave every request waiting on a connection that only another waiting request would free. Why no
 * durable commit: a bucket's state is worth a second at most; a PostgreSQL crash that loses its last
 * commits only lets a few requests more through, while waiting for the disk on every sync costs each
 * request that syncs a flush of the log (and, under load, a queue behind the other flushes).
 */
final class BucketConnections implements AutoCloseable {

    private static final String OPTIONS = "options";
    private static final String POOL_NAME = "rate-limit-buckets";

    private final DataSource dataSource;
    private final HikariDataSource own;

    private BucketConnections(DataSource dataSource, HikariDataSource own) {
        this.dataSource = dataSource;
        this.own = own;
    }

    /**
     * A pool of {@code size} connections like {@code application}'s (same database, login and start-up
     * options, statement timeout included), or {@code application} itself when it is no Hikari pool.
     */
    static BucketConnections like(DataSource application, int size, MeterRegistry meters) {
        HikariDataSource main = hikari(application);
        if (main == null) {
            return new BucketConnections(application, null);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(main.getJdbcUrl());
        config.setUsername(main.getUsername());
        config.setPassword(main.getPassword());
        if (main.getDriverClassName() != null) {
            config.setDriverClassName(main.getDriverClassName());
        }
        Properties properties = new Properties();
        properties.putAll(main.getDataSourceProperties());
        String others = properties.getProperty(OPTIONS, "");
        properties.setProperty(OPTIONS, (others + " -c synchronous_commit=off").strip());
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionTimeout(main.getConnectionTimeout());
        // connect on first use: the application starts (and its health says why) while PostgreSQL is away
        config.setInitializationFailTimeout(-1);
        if (meters != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        }
        HikariDataSource own = new HikariDataSource(config);
        return new BucketConnections(own, own);
    }

    private static HikariDataSource hikari(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource pool) {
            return pool;
        }
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (own != null) {
            own.close();
        }
    }
}
