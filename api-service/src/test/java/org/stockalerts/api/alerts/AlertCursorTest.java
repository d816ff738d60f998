package org.stockalerts.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class AlertCursorTest {

    @Property
    void aCursorReadsBackFromItsText(
            @ForAll @IntRange(min = 0, max = 999_999_999) int partition,
            @ForAll @LongRange(min = 0, max = 999_999_999_999_999_999L) long offset) {
        // Given a cursor
        AlertCursor cursor = new AlertCursor(partition, offset);

        // When its text is read back
        // Then it is the same cursor
        assertThat(AlertCursor.parse(cursor.toString())).contains(cursor);
    }

    @Example
    void anAlertIdOrOtherTextIsNoCursor() {
        assertThat(AlertCursor.parse(UUID.randomUUID().toString())).isEmpty();
        assertThat(AlertCursor.parse("3-")).isEmpty();
        assertThat(AlertCursor.parse("-3-12")).isEmpty();
        assertThat(AlertCursor.parse("3-99999999999999999999")).isEmpty();
        assertThat(AlertCursor.parse(" 3-12 ")).contains(new AlertCursor(3, 12));
    }
}
