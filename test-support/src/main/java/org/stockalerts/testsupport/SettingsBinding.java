package org.stockalerts.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Binds a {@code @ConfigurationProperties} record from properties the way a service does at start-up,
 * Bean Validation included, so that a test can say which settings a service refuses.
 */
public final class SettingsBinding {

    private SettingsBinding() {}

    /**
     * The settings bound from {@code properties} (names relative to the record's prefix, e.g.
     * {@code "attempts", "0"}), validated.
     *
     * @throws org.springframework.boot.context.properties.bind.BindException naming the refused
     *     property when validation fails
     */
    public static <T> T bind(Class<T> type, String... properties) {
        String prefix = prefixOf(type);
        Map<String, String> source = new HashMap<>();
        for (int i = 0; i + 1 < properties.length; i += 2) {
            source.put(prefix + "." + properties[i], properties[i + 1]);
        }
        try (LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean()) {
            validator.afterPropertiesSet();
            return new Binder(new MapConfigurationPropertySource(source))
                    .bindOrCreate(prefix, Bindable.of(type), new ValidationBindHandler(validator));
        }
    }

    /** Asserts that {@code type} refuses {@code value} for {@code property}, naming its settings' prefix. */
    public static void assertRefused(Class<?> type, String property, String value) {
        assertThatThrownBy(() -> bind(type, property, value))
                .isInstanceOf(BindException.class)
                .hasMessageContaining(prefixOf(type));
    }

    private static String prefixOf(Class<?> type) {
        return type.getAnnotation(ConfigurationProperties.class).value();
    }
}
