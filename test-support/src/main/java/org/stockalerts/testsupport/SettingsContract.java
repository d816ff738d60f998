package org.stockalerts.testsupport;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What every settings record's test checks: binding refuses each out-of-range value the test lists,
 * one test per value. A settings test extends it, names its record and adds its own checks of the
 * defaults.
 */
public abstract class SettingsContract<S> {

    private final Class<S> type;

    protected SettingsContract(Class<S> type) {
        this.type = type;
    }

    /** The values binding must refuse. */
    protected abstract List<Refused> outOfRange();

    /** The settings bound from {@code properties} as {@link SettingsBinding#bind} does. */
    protected S bind(String... properties) {
        return SettingsBinding.bind(type, properties);
    }

    /** {@code value} for {@code property}, named relative to the record's prefix, e.g. {@code "jitter", "1"}. */
    protected static Refused refused(String property, String value) {
        return new Refused(property, value);
    }

    @TestFactory
    Stream<DynamicTest> refusesValuesOutOfRange() {
        return outOfRange().stream()
                .map(refused -> dynamicTest(
                        refused.property() + " = '" + refused.value() + "'",
                        () -> SettingsBinding.assertRefused(type, refused.property(), refused.value())));
    }

    /** A property and a value that binding must refuse. */
    public record Refused(String property, String value) {}
}
