package org.stockalerts.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "8e03978e-40d5-43e8-bc93-6894a57f9324 | 8e03978e-40d5-43e8-bc93-6894a57f9324",
                "\"8e03978e-40d5-43e8-bc93-6894a57f9324\" | 8e03978e-40d5-43e8-bc93-6894a57f9324",
                "\"a \\\"quoted\\\" \\\\ key\" | a \"quoted\" \\ key",
                "\" \" | ' '",
                "\" | \""
            })
    void readsBareKeysAndStructuredFieldStrings(String header, String key) {
        assertThat(IdempotencyKey.parse(header).value()).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"\"", "\"a\"b\"", "\"a\\b\"", "\"ends with a backslash\\\"", "é", "line\nbreak"})
    void refusesEmptyUnprintableOrBrokenKeys(String header) {
        assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKey.parse(header));
    }

    @Test
    void boundsTheLengthAt255() {
        assertThat(IdempotencyKey.parse("k".repeat(255)).value()).hasSize(255);
        assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKey.parse("k".repeat(256)));
    }
}
