package org.stockalerts.testsupport;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.lang.reflect.ParameterizedType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What every settings record's test checks: binding refuses each out-of-range value the test lists,
 * one test per value. A settings test extends it with its record as the type argument and adds
 * its own checks of the defaults.
 */
public abstract class SettingsContract<S> {

    private final Class<S> type = settingsType();

    /** The values binding must refuse, by property. */
    protected abstract List<Refused> outOfRange();

    /** The settings bound from {@code properties} as {@link SettingsBinding#bind} does. */
    protected S bind(String... properties) {
        return SettingsBinding.bind(type, properties);
    }

    /** {@code values} for {@code property}, named relative to the record's prefix, e.g. {@code "jitter", "1"}. */
    protected static Refused refused(String property, String... values) {
        return new Refused(property, List.of(values));
    }

    @TestFactory
    Stream<DynamicTest> refusesValuesOutOfRange() {
        return outOfRange().stream()
                .flatMap(refused -> refused.values().stream()
                        .map(value -> dynamicTest(
                                refused.property() + " = '" + value + "'",
                                () -> SettingsBinding.assertRefused(type, refused.property(), value))));
    }

    /** The record named by the subclass's type argument. */
    @SuppressWarnings("unchecked")
    private Class<S> settingsType() {
        ParameterizedType contract = (ParameterizedType) getClass().getGenericSuperclass();
        return (Class<S>) contract.getActualTypeArguments()[0];
    }

    /** A property and the values of it that binding must refuse. */
    public record Refused(String property, List<String> values) {}
}
