package org.stockalerts.alerting.engine;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stockalerts.common.kafka.TickTimeBound;
import org.stockalerts.common.tracing.TraceParents;

/** Adds the alert engine to the service's Kafka Streams topology. */
@Configuration(proxyBeanMethods = false)
class AlertEngineConfiguration {

    @Bean
    AlertEngineTopology alertEngineTopology(
            StreamsBuilder builder,
            EngineSettings settings,
            MeterRegistry meters,
            TickTimeBound bound,
            TraceParents traces) {
        AlertEngineTopology topology = new AlertEngineTopology(settings, meters, bound, traces);
        topology.addTo(builder);
        return topology;
    }
}
