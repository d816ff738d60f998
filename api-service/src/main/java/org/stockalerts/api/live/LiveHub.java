package org.stockalerts.api.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.stockalerts.api.alerts.AlertCursor;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;

/**
 * The open streams of this instance, by what they follow: a user's alerts or a symbol's ticks.
 * Publishing only queues an event on each matching connection; the writes happen on a small sender
 * pool, so the Kafka listener thread never waits on a client. Alerts are published, and alert streams
 * opened, under one lock, so each alert is either offered to a new stream or in what
 * {@link #openAlerts} hands it as already passed.
 */
@Component
class LiveHub implements MeterBinder {

    /** Gauge of the live streams (SSE) open on this instance. */
    static final String CONNECTIONS_METRIC = "stockalerts.live.connections";

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

    /** The alerts of one user. */
    record UserAlerts(UUID userId) {}

    /** The ticks of one symbol. */
    record SymbolTicks(Symbol symbol) {}

    /**
     * A new, paused alert stream and the user's alerts of one partition that this instance passed on
     * before it was registered; empty when this instance cannot tell (it started after them, or they
     * left its window).
     */
    record OpenedAlerts(LiveConnection connection, Optional<List<LiveEvent>> passedBefore) {}

    private final LiveSettings settings;
    private final ExecutorService sender;
    private final ScheduledExecutorService heartbeat;
    private final Map<UUID, Set<LiveConnection>> byOwner = new ConcurrentHashMap<>();
    private final Map<Object, Set<LiveConnection>> bySubscription = new ConcurrentHashMap<>();
    private final ReentrantLock alerts = new ReentrantLock();
    private final AtomicInteger open = new AtomicInteger();
    private final RecentAlerts recent;
    private volatile boolean ending;

    @Autowired
    LiveHub(LiveSettings settings) {
        this(settings, Executors.newFixedThreadPool(settings.senderThreads(), daemonThreads("live-send-")));
    }

    /** A hub whose streams are written by {@code sender}. */
    LiveHub(LiveSettings settings, ExecutorService sender) {
        this.settings = settings;
        this.recent = new RecentAlerts(settings.recentAlertsPerPartition());
        this.sender = sender;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemonThreads("live-heartbeat-"));
        long period = settings.heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(CONNECTIONS_METRIC, open, AtomicInteger::get)
                .description("Live streams (server-sent events) open on this instance")
                .register(registry);
    }

    /**
     * Opens a paused stream for {@code owner}; call {@link LiveConnection#start} once its history is known.
     *
     * @throws TooManyConnectionsException when the owner already holds the allowed number of streams,
     *     or the instance does
     */
    LiveConnection open(UUID owner, Object subscription, SseEmitter emitter) {
        LiveConnection connection =
                new LiveConnection(owner, subscription, emitter, sender, settings.queueCapacity(), this::remove);
        if (open.incrementAndGet() > settings.maxConnections()) {
            open.decrementAndGet();
            throw TooManyConnectionsException.total(settings);
        }
        try {
            byOwner.compute(owner, (id, connections) -> {
                Set<LiveConnection> mine = connections == null ? ConcurrentHashMap.newKeySet() : connections;
                if (mine.size() >= settings.maxConnectionsPerUser()) {
                    throw TooManyConnectionsException.perUser(owner, settings);
                }
                mine.add(connection);
                return mine;
            });
        } catch (TooManyConnectionsException e) {
            open.decrementAndGet();
            throw e;
        }
        bySubscription
                .computeIfAbsent(subscription, key -> ConcurrentHashMap.newKeySet())
                .add(connection);
        Runnable remove = () -> remove(connection);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove(connection));
        // registered before the check: endStreams, which sets the flag before it looks, ends it if this misses it
        if (ending) {
            connection.end();
        }
        log.atInfo()
                .addKeyValue("userId", owner)
                .addKeyValue("subscription", subscription)
                .log("live stream opened");
        return connection;
    }

    /**
     * Opens a paused stream of {@code owner}'s alerts, with the alerts of theirs this instance passed on
     * in {@code partition} after {@code offset}: together with the live events the stream receives from
     * now on they hold every alert of that partition after {@code offset}.
     *
     * @throws TooManyConnectionsException when the owner already holds the allowed number of streams
     */
    OpenedAlerts openAlerts(UUID owner, SseEmitter emitter, int partition, long offset) {
        alerts.lock();
        try {
            LiveConnection connection = open(owner, new UserAlerts(owner), emitter);
            return new OpenedAlerts(connection, recent.after(owner, partition, offset));
        } finally {
            alerts.unlock();
        }
    }

    /**
     * Ends every open stream once it has sent what it holds, and every stream opened from now on once it has sent
     * its history: the instance is stopping ({@link LiveStreamsShutdown}), and the clients reconnect with their
     * {@code Last-Event-ID}, to another instance.
     */
    void endStreams() {
        ending = true;
        int streams = open.get();
        byOwner.values().forEach(connections -> connections.forEach(LiveConnection::end));
        log.atInfo().addKeyValue("streams", streams).log("ending live streams: the instance is stopping");
    }

    /** Publishes the alert read at {@code cursor} of alerts-triggered. */
    void publish(AlertCursor cursor, AlertTriggered alert) {
        LiveEvent event = LiveEvent.alert(cursor, alert);
        alerts.lock();
        try {
            recent.add(alert.userId(), event);
            offer(new UserAlerts(alert.userId()), event);
        } finally {
            alerts.unlock();
        }
    }

    void publish(PriceTick tick) {
        offer(new SymbolTicks(tick.symbol()), LiveEvent.of(tick.eventId().toString(), "tick", tick));
    }

    private void offer(Object subscription, LiveEvent event) {
        Set<LiveConnection> connections = bySubscription.get(subscription);
        log.atDebug()
                .addKeyValue("subscription", subscription)
                .addKeyValue("eventId", event.id())
                .addKeyValue("connections", connections == null ? 0 : connections.size())
                .log("live event");
        if (connections != null) {
            connections.forEach(connection -> connection.offer(event));
        }
    }

    private void remove(LiveConnection connection) {
        connection.close();
        Set<LiveConnection> owned = byOwner.get(connection.owner());
        if (owned == null || !owned.contains(connection)) {
            return;
        }
        log.atInfo()
                .addKeyValue("userId", connection.owner())
                .addKeyValue("subscription", connection.subscription())
                .log("live stream closed");
        byOwner.computeIfPresent(connection.owner(), (id, mine) -> {
            if (mine.remove(connection)) {
                open.decrementAndGet();
            }
            return mine.isEmpty() ? null : mine;
        });
        bySubscription.computeIfPresent(connection.subscription(), (key, followers) -> {
            followers.remove(connection);
            return followers.isEmpty() ? null : followers;
        });
    }

    /** Open streams of all users on this instance. */
    int openConnections() {
        return open.get();
    }

    private void heartbeat() {
        List.copyOf(bySubscription.values())
                .forEach(connections -> connections.forEach(c -> c.offer(LiveEvent.HEARTBEAT)));
    }

    @PreDestroy
    void shutdown() {
        heartbeat.shutdownNow();
        sender.shutdownNow();
    }

    private static CustomizableThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
        factory.setDaemon(true);
        return factory;
    }
}
