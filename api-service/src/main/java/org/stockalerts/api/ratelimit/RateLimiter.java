package org.stockalerts.api.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.NopeOptimizationListener;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.delay.DelayOptimization;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockalerts.api.web.TooManyRequestsException;

/**
 * Token buckets shared by every api-service instance through one PostgreSQL table (Bucket4j's
 * {@code SELECT … FOR UPDATE} backend). An instance keeps a local copy of each bucket it uses and
 * admits up to {@link RateLimitSettings#syncTokens()} requests on it before it writes them back (and
 * reads what the other instances took) in one transaction, or sooner once {@link
 * RateLimitSettings#syncInterval()} has passed; a request past the limit is refused from the local
 * copy, without a round trip. Rows of buckets that are full again expire; every {@link
 * RateLimitSettings#cleanupInterval()} a request starts {@link #removeExpired()} in the background.
 */
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final RateLimitSettings settings;
    private final Map<RateLimit, BucketConfiguration> configurations = new EnumMap<>(RateLimit.class);
    private final Optimization delayedSync;
    private final Cache<String, Bucket> local;
    private final ClockTimeMeter time;
    private final AtomicLong nextCleanup;

    /** A limiter on the table {@code api.rate_limit_buckets} of {@code dataSource}, timed by {@code clock}. */
    public RateLimiter(DataSource dataSource, RateLimitSettings settings, Clock clock) {
        this.time = new ClockTimeMeter(clock);
        this.nextCleanup = new AtomicLong(
                time.currentTimeNanos() + settings.cleanupInterval().toNanos());
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("api.rate_limit_buckets")
                .clientClock(time)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(settings.syncInterval()))
                .build();
        this.settings = settings;
        for (RateLimit limit : RateLimit.values()) {
            configurations.put(limit, limit.configuration(settings));
        }
        this.delayedSync = new DelayOptimization(
                new DelayParameters(settings.syncTokens(), settings.syncInterval()),
                NopeOptimizationListener.INSTANCE,
                time);
        this.local = Caffeine.newBuilder()
                .maximumSize(settings.localBuckets())
                .expireAfterAccess(settings.cleanupInterval())
                .build();
    }

    /** Takes one request of {@code subject} from {@code limit}: empty when admitted, else the refusal. */
    public Optional<TooManyRequestsException> take(RateLimit limit, String subject) {
        cleanUpWhenDue();
        Bucket bucket = local.get(
                limit.bucketId(subject),
                id -> buckets.builder().withOptimization(delayedSync).build(id, configurations.get(limit)));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(limit.refusal(settings, Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    /**
     * Once every cleanup interval, on a thread of its own, deletes the expired rows: while no request
     * comes, no bucket is written either.
     */
    private void cleanUpWhenDue() {
        long now = time.currentTimeNanos();
        long due = nextCleanup.get();
        if (now - due >= 0
                && nextCleanup.compareAndSet(
                        due, now + settings.cleanupInterval().toNanos())) {
            Thread.ofVirtual().name("rate-limit-cleanup").start(this::cleanUp);
        }
    }

    private void cleanUp() {
        try {
            int removed = removeExpired();
            log.atDebug().addKeyValue("removed", removed).log("expired rate limit buckets deleted");
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("error", e.getMessage()).log("rate limit cleanup failed; retried next interval");
        }
    }

    /** Deletes the rows of buckets that are full again (as a new bucket would be); returns how many. */
    public int removeExpired() {
        int total = 0;
        int removed;
        do {
            removed = buckets.removeExpired(settings.cleanupBatchSize());
            total += removed;
        } while (removed == settings.cleanupBatchSize());
        return total;
    }
}
