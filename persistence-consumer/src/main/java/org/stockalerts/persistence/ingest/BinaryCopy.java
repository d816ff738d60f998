package org.stockalerts.persistence.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary {@code COPY} format, written through a fixed buffer to a
 * {@link Sink} (a {@code COPY … FROM STDIN (FORMAT binary)} in progress). The server then parses no
 * text: no numeric, timestamp or uuid input functions run, and no row text is built here either.
 * Values are stored exactly as PostgreSQL stores the same values given as text: {@link #numeric}
 * rounds to the column's scale and {@link #timestamptz} to microseconds the way its text input does.
 */
public final class BinaryCopy {

    /** Where the encoded bytes go, e.g. {@code CopyIn::writeToCopy}. */
    @FunctionalInterface
    public interface Sink {
        void write(byte[] bytes, int offset, int length) throws SQLException;
    }

    /** The format's {@code WITH (FORMAT binary)} option, for the COPY statement. */
    public static final String FORMAT = "(FORMAT binary)";

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final int BUFFER = 64 * 1024;
    private static final int MAX_INLINE_TEXT = 1024;
    private static final int NBASE = 10_000;
    private static final short NUMERIC_POSITIVE = 0x0000;
    private static final short NUMERIC_NEGATIVE = 0x4000;
    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
    };
    private static final int LONG_SAFE_PRECISION = 18;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final int NANOS_PER_MICRO = 1_000;
    private static final double NANOS_PER_SECOND = 1e9;
    /** Seconds from the Unix epoch to PostgreSQL's, 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    /** First second of PostgreSQL's timestamptz range (4714-11-24 BC), in Unix epoch seconds. */
    public static final long MIN_TIMESTAMP_EPOCH_SECOND = -211_813_488_000L + POSTGRES_EPOCH_SECONDS;

    /** First second past PostgreSQL's timestamptz range (294277-01-01), in Unix epoch seconds. */
    public static final long END_TIMESTAMP_EPOCH_SECOND = 9_223_371_331_200L + POSTGRES_EPOCH_SECONDS;

    private final Sink sink;
    private final byte[] buffer = new byte[BUFFER];
    private short[] digits = new short[8];
    /** Weight of {@link #digits}[0]: its power of 10000, as the last {@code digitsOf} left it. */
    private int weight;

    private int position;
    private long rows;

    /** Starts the stream with the format's header. */
    public BinaryCopy(Sink sink) throws SQLException {
        this.sink = sink;
        ensure(SIGNATURE.length + 8);
        System.arraycopy(SIGNATURE, 0, buffer, 0, SIGNATURE.length);
        position = SIGNATURE.length;
        putInt(0); // flags: no OIDs
        putInt(0); // no header extension
    }

    /** Starts a row of {@code fields} columns, in the table's column order. */
    public void row(int fields) throws SQLException {
        ensure(2);
        putShort(fields);
        rows++;
    }

    public void uuid(UUID value) throws SQLException {
        if (wroteNull(value)) {
            return;
        }
        ensure(20);
        putInt(16);
        putLong(value.getMostSignificantBits());
        putLong(value.getLeastSignificantBits());
    }

    /** A text value, in UTF-8 (the database's encoding). */
    public void text(String value) throws SQLException {
        if (wroteNull(value)) {
            return;
        }
        int length = value.length();
        if (length > MAX_INLINE_TEXT || !isAscii(value)) {
            bytes(value.getBytes(StandardCharsets.UTF_8));
            return;
        }
        ensure(4 + length);
        putInt(length);
        for (int i = 0; i < length; i++) {
            buffer[position++] = (byte) value.charAt(i);
        }
    }

    public void int8(Long value) throws SQLException {
        if (wroteNull(value)) {
            return;
        }
        int8Field(value);
    }

    /**
     * A timestamptz: microseconds since 2000-01-01 UTC, the nanoseconds rounded to microseconds the
     * way PostgreSQL rounds a fraction of a second in text input ({@code rint} of the fraction as a
     * double, times a million), so an instant is stored as the same value whichever way it came.
     */
    public void timestamptz(Instant value) throws SQLException {
        if (wroteNull(value)) {
            return;
        }
        long seconds = value.getEpochSecond();
        if (seconds < MIN_TIMESTAMP_EPOCH_SECOND || seconds >= END_TIMESTAMP_EPOCH_SECOND) {
            throw new UnwritableRecordException("instant outside PostgreSQL's timestamp range: " + value);
        }
        int8Field((seconds - POSTGRES_EPOCH_SECONDS) * MICROS_PER_SECOND + micros(value.getNano()));
    }

    private static long micros(int nanos) {
        return nanos % NANOS_PER_MICRO == 0
                ? nanos / NANOS_PER_MICRO
                : (long) Math.rint((double) nanos / NANOS_PER_SECOND * MICROS_PER_SECOND);
    }

    /**
     * A numeric for a column of {@code scale} decimal places: rounded half up (away from zero) to
     * that scale when it has more, as PostgreSQL rounds text input, then sent as base-10000 digits.
     */
    public void numeric(BigDecimal value, int scale) throws SQLException {
        if (wroteNull(value)) {
            return;
        }
        BigDecimal fitted = value.scale() > scale
                ? value.setScale(scale, RoundingMode.HALF_UP)
                : value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
        int count = fitted.precision() <= LONG_SAFE_PRECISION && fitted.scale() < POWERS_OF_TEN.length
                ? digitsOf(Math.abs(fitted.unscaledValue().longValue()), fitted.scale())
                : digitsOf(fitted.unscaledValue().abs().toString(), fitted.scale());
        if (12 + 2 * count > buffer.length) {
            throw new UnwritableRecordException("numeric of " + fitted.precision() + " digits is too long to store");
        }
        ensure(12 + 2 * count);
        putInt(8 + 2 * count);
        putShort(count);
        putShort(count == 0 ? 0 : weight);
        putShort(fitted.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE);
        putShort(fitted.scale());
        for (int i = 0; i < count; i++) {
            putShort(digits[i]);
        }
    }

    /** Ends the stream with the format's trailer and hands over what is buffered; returns the rows. */
    public long finish() throws SQLException {
        ensure(2);
        putShort(-1);
        flush();
        return rows;
    }

    /** Writes a NULL field when {@code value} is null; answers whether it did. */
    private boolean wroteNull(Object value) throws SQLException {
        if (value != null) {
            return false;
        }
        ensure(4);
        putInt(-1);
        return true;
    }

    /** An 8-byte field: its length, then the value. */
    private void int8Field(long value) throws SQLException {
        ensure(12);
        putInt(8);
        putLong(value);
    }

    /**
     * Fills {@link #digits} with {@code unscaled}·10^-{@code scale} (scale 0–9) in base 10000, most
     * significant first, without leading or trailing zeros; sets {@link #weight}; returns the count.
     */
    private int digitsOf(long unscaled, int scale) {
        long integer = unscaled / POWERS_OF_TEN[scale];
        int fractionDigits = (scale + 3) / 4;
        long fraction = unscaled % POWERS_OF_TEN[scale] * POWERS_OF_TEN[fractionDigits * 4 - scale];
        int integerDigits = 0;
        for (long rest = integer; rest > 0; rest /= NBASE) {
            integerDigits++;
        }
        ensureDigits(integerDigits + fractionDigits);
        long rest = integer;
        for (int i = integerDigits - 1; i >= 0; i--) {
            digits[i] = (short) (rest % NBASE);
            rest /= NBASE;
        }
        for (int i = fractionDigits - 1; i >= 0; i--) {
            digits[integerDigits + i] = (short) (fraction % NBASE);
            fraction /= NBASE;
        }
        return trim(integerDigits + fractionDigits, integerDigits - 1);
    }

    /** As {@link #digitsOf(long, int)}, from the decimal digits of the unscaled value. */
    private int digitsOf(String decimal, int scale) {
        int integerLength = decimal.length() - scale;
        int integerDigits = integerLength > 0 ? (integerLength + 3) / 4 : 0;
        int fractionDigits = (scale + 3) / 4;
        ensureDigits(integerDigits + fractionDigits);
        // where decimal.charAt(0) falls in a zero-padded string starting on a base-10000 boundary
        int start = integerDigits * 4 - integerLength;
        for (int d = 0; d < integerDigits + fractionDigits; d++) {
            int value = 0;
            for (int k = 0; k < 4; k++) {
                int index = d * 4 + k - start;
                value = value * 10 + (index >= 0 && index < decimal.length() ? decimal.charAt(index) - '0' : 0);
            }
            digits[d] = (short) value;
        }
        return trim(integerDigits + fractionDigits, integerDigits - 1);
    }

    private void ensureDigits(int count) {
        if (count > digits.length) {
            digits = new short[count];
        }
    }

    /** Drops leading and trailing zero digits from {@link #digits}[0, n); sets {@link #weight}. */
    private int trim(int n, int firstWeight) {
        int first = 0;
        while (first < n && digits[first] == 0) {
            first++;
        }
        int end = n;
        while (end > first && digits[end - 1] == 0) {
            end--;
        }
        if (first > 0) {
            System.arraycopy(digits, first, digits, 0, end - first);
        }
        weight = firstWeight - first;
        return end - first;
    }

    private void bytes(byte[] value) throws SQLException {
        ensure(4);
        putInt(value.length);
        int written = 0;
        while (written < value.length) {
            int chunk = Math.min(value.length - written, buffer.length - position);
            System.arraycopy(value, written, buffer, position, chunk);
            position += chunk;
            written += chunk;
            if (written < value.length) {
                flush();
            }
        }
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    private void ensure(int bytes) throws SQLException {
        if (position + bytes > buffer.length) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (position > 0) {
            sink.write(buffer, 0, position);
            position = 0;
        }
    }

    private void putShort(int value) {
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
    }

    private void putInt(int value) {
        buffer[position++] = (byte) (value >>> 24);
        buffer[position++] = (byte) (value >>> 16);
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }
}
