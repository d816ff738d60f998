package org.stockalerts.common.ops;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@value #VARIABLE} picks the console's log format before the logging system starts: {@code text} (or unset)
 * keeps the readable lines of stockalerts-logging.yml; {@code json} and {@code ecs} switch to Spring Boot's
 * structured logging in Elastic Common Schema, {@code logstash} and {@code gelf} to those formats, one JSON object
 * per line with the event's key-value fields as members. Any other value stops the service with a message naming
 * the ones it takes. An explicit {@code LOGGING_STRUCTURED_FORMAT_CONSOLE} still wins.
 */
public class LogFormatEnvironment implements EnvironmentPostProcessor {

    public static final String VARIABLE = "LOG_FORMAT";

    static final String PROPERTY = "logging.structured.format.console";
    static final String SOURCE = "stockalerts-log-format";

    private static final Map<String, String> STRUCTURED =
            Map.of("json", "ecs", "ecs", "ecs", "logstash", "logstash", "gelf", "gelf");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = structuredFormat(environment.getProperty(VARIABLE, ""));
        if (format == null) {
            return;
        }
        DerivedSettings.add(environment, new MapPropertySource(SOURCE, Map.of(PROPERTY, format)));
    }

    /** Spring Boot's structured format for {@code value} of {@value #VARIABLE}; null for the text format. */
    static String structuredFormat(String value) {
        String format = value.strip().toLowerCase(Locale.ROOT);
        if (format.isEmpty() || format.equals("text")) {
            return null;
        }
        String structured = STRUCTURED.get(format);
        if (structured == null) {
            throw new IllegalArgumentException(VARIABLE + "=" + value
                    + " is not a log format: use text (the default), json (ECS), ecs, logstash or gelf");
        }
        return structured;
    }
}
