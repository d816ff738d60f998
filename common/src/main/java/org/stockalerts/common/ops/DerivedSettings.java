package org.stockalerts.common.ops;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Settings an environment post-processor derives from others: below the process environment, above the files. */
public final class DerivedSettings {

    private DerivedSettings() {}

    /**
     * Adds {@code settings} right after the process environment (so an explicit variable still wins over them), or
     * last when the environment has none.
     */
    public static void add(ConfigurableEnvironment environment, PropertySource<?> settings) {
        if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            environment
                    .getPropertySources()
                    .addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, settings);
        } else {
            environment.getPropertySources().addLast(settings);
        }
    }
}
