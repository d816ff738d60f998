package org.stockalerts.common.kafka;

import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * A service's adjustment of the shared listener error handler of {@link StockAlertsKafkaConfiguration},
 * applied, as a bean, after the shared settings: for example a wait of its own for failures that only
 * mean a dependency is briefly unreachable, where the few shared retries would dead-letter the record.
 */
@FunctionalInterface
public interface ListenerErrorHandlerCustomizer {

    void customize(DefaultErrorHandler handler);
}
