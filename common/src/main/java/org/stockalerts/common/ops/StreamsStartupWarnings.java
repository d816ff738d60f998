package org.stockalerts.common.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Arrays;
import java.util.Iterator;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Drops the Kafka client's warning that a topic it subscribed to does not exist yet when every such topic is one of
 * the repartition or changelog topics Kafka Streams is about to create itself: on a new cluster each stream thread
 * logs it a dozen times in its first seconds, and it means nothing. The same warning about any other topic (one of
 * ours that is missing, say) still shows. Installed once the logging system is set up, only where logback is it.
 */
public class StreamsStartupWarnings implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String LOGGER = "org.apache.kafka.clients.NetworkClient";

    private static final String LOGBACK = "ch.qos.logback.classic.LoggerContext";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (ClassUtils.isPresent(LOGBACK, getClass().getClassLoader())) {
            Filter.install();
        }
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    /** The filter, on every appender of the root logger: neutral on everything but that warning about internal topics. */
    static final class Filter extends ch.qos.logback.core.filter.Filter<ILoggingEvent> {

        /** Adds the filter to the root logger's appenders, once. */
        static void install() {
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
                Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
                for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
                    Appender<ILoggingEvent> appender = appenders.next();
                    if (appender.getCopyOfAttachedFiltersList().stream().noneMatch(Filter.class::isInstance)) {
                        Filter filter = new Filter();
                        filter.setContext(context);
                        filter.start();
                        appender.addFilter(filter);
                    }
                }
            }
        }

        @Override
        public FilterReply decide(ILoggingEvent event) {
            if (event.getLevel() != Level.WARN
                    || !LOGGER.equals(event.getLoggerName())
                    || event.getMessage() == null
                    || !event.getMessage().contains("reported a recoverable issue")) {
                return FilterReply.NEUTRAL;
            }
            return onlyInternalTopicsMissing(event.getFormattedMessage()) ? FilterReply.DENY : FilterReply.NEUTRAL;
        }

        /**
         * Whether the warning's {@code {topic=ERROR, ...}} (Kafka formats the message itself) names only repartition
         * and changelog topics, each unknown. Topic names hold no comma, space or equals sign.
         */
        static boolean onlyInternalTopicsMissing(String message) {
            int open = message.lastIndexOf('{');
            int close = message.lastIndexOf('}');
            if (open < 0 || close <= open + 1) {
                return false;
            }
            return Arrays.stream(message.substring(open + 1, close).split(", "))
                    .allMatch(error -> error.endsWith("=UNKNOWN_TOPIC_OR_PARTITION")
                            && (error.contains("-repartition=") || error.contains("-changelog=")));
        }
    }
}
