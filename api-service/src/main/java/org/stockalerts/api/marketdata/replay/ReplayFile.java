package org.stockalerts.api.marketdata.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.stockalerts.common.event.Symbol;

/**
 * A recorded tick file: CSV lines {@code symbol,timestamp,price,volume} with an ISO-8601 instant
 * ({@code 2024-11-15T14:30:00Z}) and an optional volume; a header line and blank lines are skipped.
 * Rows come back in time order.
 */
public final class ReplayFile {

    /** One recorded tick. */
    public record Row(Symbol symbol, Instant timestamp, BigDecimal price, Long volume) {}

    private static final String HEADER = "symbol,timestamp,price,volume";
    private static final int FIELDS = 4;

    private ReplayFile() {}

    /** Reads every row; fails naming the line of the first one that is not a tick. */
    public static List<Row> read(Reader source) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(source)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.equalsIgnoreCase(HEADER)) {
                    continue;
                }
                rows.add(parse(text, number));
            }
        }
        rows.sort(Comparator.comparing(Row::timestamp));
        return List.copyOf(rows);
    }

    private static Row parse(String line, int number) {
        String[] fields = line.split(",", -1);
        if (fields.length < FIELDS - 1 || fields.length > FIELDS) {
            throw new IllegalArgumentException(
                    "replay line " + number + ": expected " + HEADER + ", got '" + line + "'");
        }
        try {
            Long volume = fields.length == FIELDS && !fields[3].isBlank() ? Long.valueOf(fields[3].strip()) : null;
            BigDecimal price = new BigDecimal(fields[2].strip());
            if (price.signum() <= 0) {
                throw new IllegalArgumentException("price must be positive");
            }
            return new Row(Symbol.of(fields[0]), Instant.parse(fields[1].strip()), price, volume);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IllegalArgumentException("replay line " + number + ": " + e.getMessage(), e);
        }
    }
}
