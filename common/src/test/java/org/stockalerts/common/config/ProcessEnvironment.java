package org.stockalerts.common.config;

import java.util.HashMap;
import java.util.Map;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** A Spring environment whose process environment holds exactly the given variables. */
public final class ProcessEnvironment {

    private ProcessEnvironment() {}

    /** A standard environment with {@code variables} in place of this JVM's process environment. */
    public static StandardEnvironment of(Map<String, ?> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
        return environment;
    }
}
