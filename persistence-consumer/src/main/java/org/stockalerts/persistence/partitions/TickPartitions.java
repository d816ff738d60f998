package org.stockalerts.persistence.partitions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockalerts.persistence.PersistenceSettings;

/**
 * The daily (UTC) partitions of price_ticks: which days are stored, creating the missing ones
 * (ahead of need, and on demand for a tick within the stored window) and dropping whole partitions
 * older than the retention. Creations and drops take one advisory lock, so several instances and
 * threads never race on the same partition.
 */
@Component
@RequiredArgsConstructor
public class TickPartitions {

    private static final Logger log = LoggerFactory.getLogger(TickPartitions.class);
    private static final long PARTITION_LOCK = 0x7072696365L;
    private static final String PREFIX = "price_ticks_";
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long MILLIS_PER_DAY = SECONDS_PER_DAY * 1_000L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PersistenceSettings settings;
    private final Clock clock;
    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

    /** Why a tick observed at {@code observedAt} is not stored, or empty when its day is in the window. */
    public Optional<String> refusal(Instant observedAt) {
        // epoch days rather than LocalDate: this runs for every tick
        long day = Math.floorDiv(observedAt.getEpochSecond(), SECONDS_PER_DAY);
        long today = Math.floorDiv(clock.millis(), MILLIS_PER_DAY);
        if (day < today - settings.tickRetentionDays()) {
            return Optional.of("observedAt " + observedAt + " is older than the retention of "
                    + settings.tickRetentionDays() + " days");
        }
        if (day > today + settings.partitionDaysAhead()) {
            return Optional.of(
                    "observedAt " + observedAt + " is more than " + settings.partitionDaysAhead() + " days ahead");
        }
        return Optional.empty();
    }

    /** Makes sure the partitions of {@code days} exist; cheap when they are known to. */
    public void ensure(Collection<LocalDate> days) {
        for (LocalDate day : days) {
            if (!known.contains(day)) {
                create(day, day);
            }
        }
    }

    /**
     * Creates the partitions from the oldest kept day to {@code partition-days-ahead} after today
     * and drops those older than the retention.
     *
     * @return the days whose partitions were dropped
     */
    public List<LocalDate> maintain() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int created = create(oldestKept(today), today.plusDays(settings.partitionDaysAhead()));
        List<LocalDate> dropped = dropBefore(oldestKept(today));
        log.atInfo()
                .addKeyValue("created", created)
                .addKeyValue("dropped", dropped.size())
                .addKeyValue("retentionDays", settings.tickRetentionDays())
                .log("price_ticks partitions maintained");
        return dropped;
    }

    /** The days that have a partition, oldest first. */
    public List<LocalDate> existing() {
        return jdbc.queryForList("""
                        SELECT c.relname FROM pg_inherits i
                          JOIN pg_class c ON c.oid = i.inhrelid
                         WHERE i.inhparent = 'price_ticks'::regclass
                         ORDER BY c.relname""", String.class).stream()
                .filter(name -> name.startsWith(PREFIX))
                .map(name -> LocalDate.parse(name.substring(PREFIX.length()), SUFFIX))
                .toList();
    }

    /** The day (UTC) whose partition holds a tick observed at {@code observedAt}. */
    public static LocalDate dayOf(Instant observedAt) {
        return LocalDate.ofInstant(observedAt, ZoneOffset.UTC);
    }

    private LocalDate oldestKept(LocalDate today) {
        return today.minusDays(settings.tickRetentionDays());
    }

    private int create(LocalDate from, LocalDate to) {
        Integer created = transactions.execute(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, PARTITION_LOCK);
            return jdbc.queryForObject("SELECT ensure_price_tick_partitions(?, ?)", Integer.class, from, to);
        });
        from.datesUntil(to.plusDays(1)).forEach(known::add);
        return created == null ? 0 : created;
    }

    private List<LocalDate> dropBefore(LocalDate oldestKept) {
        List<LocalDate> old =
                existing().stream().filter(day -> day.isBefore(oldestKept)).toList();
        for (LocalDate day : old) {
            known.remove(day);
            transactions.executeWithoutResult(status -> {
                jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, PARTITION_LOCK);
                jdbc.execute("DROP TABLE IF EXISTS " + PREFIX + day.format(SUFFIX));
            });
            log.atInfo().addKeyValue("day", day).log("dropped price_ticks partition past retention");
        }
        return old;
    }
}
