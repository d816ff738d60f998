package org.stockalerts.common.tracing;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * {@link TraceParents} in the services that trace (api-service and alert-consumer, which have Micrometer
 * Tracing): on Spring Boot's tracer and propagator, or {@link TraceParents#NONE} where tracing is off. The
 * probes a platform calls every few seconds make no trace.
 */
@AutoConfiguration
@ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
public class TracingAutoConfiguration {

    /** The paths of the probes on each service's own port (stockalerts-management.yml). */
    static final Set<String> PROBES = Set.of("/livez", "/readyz");

    @Bean
    @ConditionalOnMissingBean
    TraceParents traceParents(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceParents(
                tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.http.server.observation.ServerRequestObservationContext")
    static class Probes {

        /** Neither a span nor an {@code http.server.requests} series for a probe. */
        @Bean
        ObservationPredicate probesUnobserved() {
            return (name, context) -> !(context instanceof ServerRequestObservationContext request
                    && PROBES.contains(request.getCarrier().getRequestURI()));
        }
    }
}
