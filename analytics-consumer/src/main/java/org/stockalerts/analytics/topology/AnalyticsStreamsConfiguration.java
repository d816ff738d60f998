package org.stockalerts.analytics.topology;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stockalerts.analytics.AnalyticsSettings;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.kafka.TickTimeBound;

/** Registers the analytics topology with the service's Kafka Streams instance. */
@Configuration(proxyBeanMethods = false)
class AnalyticsStreamsConfiguration {

    @Bean
    KStream<String, AnalyticsUpdated> analyticsStream(
            StreamsBuilder builder, AnalyticsSettings settings, MeterRegistry meters, TickTimeBound bound) {
        return AnalyticsTopology.define(builder, settings, meters, bound);
    }
}
