package org.stockalerts.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.UserEvent;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.common.ops.LastTick;
import org.stockalerts.persistence.alerts.AlertWriter;
import org.stockalerts.persistence.analytics.AnalyticsWriter;
import org.stockalerts.persistence.audit.UserEventWriter;
import org.stockalerts.persistence.ingest.BatchPersister;
import org.stockalerts.persistence.ingest.PersistenceKafkaConfiguration;
import org.stockalerts.persistence.ticks.PriceTickWriter;

/**
 * The four batch listeners, one consumer group each (named by the listener id), each handing its
 * batch to its table's writer through {@link BatchPersister}.
 */
@Component
class HistoryListeners {

    /** Counter of the ticks the service stored (or dead-lettered), batch by batch. */
    static final String TICKS_PROCESSED = "stockalerts.ticks.processed";

    private final BatchPersister persister;
    private final PriceTickWriter ticks;
    private final AlertWriter alerts;
    private final AnalyticsWriter analytics;
    private final UserEventWriter userEvents;
    private final Counter ticksProcessed;
    private final LastTick lastTick;

    HistoryListeners(
            BatchPersister persister,
            PriceTickWriter ticks,
            AlertWriter alerts,
            AnalyticsWriter analytics,
            UserEventWriter userEvents,
            MeterRegistry meters) {
        this.persister = persister;
        this.ticks = ticks;
        this.alerts = alerts;
        this.analytics = analytics;
        this.userEvents = userEvents;
        this.ticksProcessed = Counter.builder(TICKS_PROCESSED)
                .description("Ticks persistence-consumer stored (or dead-lettered)")
                .register(meters);
        this.lastTick = new LastTick(meters, "When persistence last stored a batch of ticks, seconds since the epoch");
    }

    @KafkaListener(
            id = "persistence-consumer-ticks",
            topics = Topics.Names.STOCK_PRICES,
            containerFactory = PersistenceKafkaConfiguration.TICKS_FACTORY)
    void onTicks(List<ConsumerRecord<String, PriceTick>> records) {
        persister.persist(records, ticks);
        ticksProcessed.increment(records.size());
        lastTick.mark();
    }

    @KafkaListener(
            id = "persistence-consumer-alerts",
            topics = Topics.Names.ALERTS_TRIGGERED,
            containerFactory = PersistenceKafkaConfiguration.BATCH_FACTORY)
    void onAlerts(List<ConsumerRecord<String, AlertTriggered>> records) {
        persister.persist(records, alerts);
    }

    @KafkaListener(
            id = "persistence-consumer-analytics",
            topics = Topics.Names.STOCK_ANALYTICS,
            containerFactory = PersistenceKafkaConfiguration.BATCH_FACTORY)
    void onAnalytics(List<ConsumerRecord<String, AnalyticsUpdated>> records) {
        persister.persist(records, analytics);
    }

    @KafkaListener(
            id = "persistence-consumer-user-events",
            topics = Topics.Names.USER_EVENTS,
            containerFactory = PersistenceKafkaConfiguration.BATCH_FACTORY)
    void onUserEvents(List<ConsumerRecord<String, UserEvent>> records) {
        persister.persist(records, userEvents);
    }
}
