package org.stockalerts.common.kafka;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Reads ids, instants and decimals in the one form producers write them, from characters, without
 * building strings: {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}
 * (ISO-8601 in UTC, 1–9 fraction digits) and plain decimals of up to 18 digits. Any other text,
 * valid or not, answers null; the caller then reads it the general way.
 */
final class CanonicalText {

    private static final int UUID_LENGTH = 36;
    /** Value of each ASCII hex digit, -1 for other characters. */
    private static final byte[] HEX = hexDigits();

    private static final int INSTANT_MIN_LENGTH = 20;
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final int MAX_LONG_DIGITS = 18;
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    private static final long SECONDS_PER_DAY = 86_400L;
    /** Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar. */
    private static final long DAYS_0000_03_01_TO_EPOCH = 719_468L;

    private CanonicalText() {}

    private static byte[] hexDigits() {
        byte[] values = new byte['f' + 1];
        Arrays.fill(values, (byte) -1);
        for (int digit = 0; digit < 16; digit++) {
            values[Character.forDigit(digit, 16)] = (byte) digit;
            values[Character.toUpperCase(Character.forDigit(digit, 16))] = (byte) digit;
        }
        return values;
    }

    /** The UUID written in {@code text[offset, offset + length)}, or null when it is not the canonical form. */
    static UUID uuid(char[] text, int offset, int length) {
        if (length != UUID_LENGTH) {
            return null;
        }
        int end = offset + length;
        long high = 0;
        long low = 0;
        int digits = 0;
        for (int i = offset; i < end; i++) {
            int position = i - offset;
            char c = text[i];
            if (position == 8 || position == 13 || position == 18 || position == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int nibble = hex(c);
            if (nibble < 0) {
                return null;
            }
            if (digits < 16) {
                high = high << 4 | nibble;
            } else {
                low = low << 4 | nibble;
            }
            digits++;
        }
        return new UUID(high, low);
    }

    /** The instant written in {@code text[offset, offset + length)}, or null when it is not the canonical form. */
    static Instant instant(char[] text, int offset, int length) {
        if (length < INSTANT_MIN_LENGTH
                || text[offset + 4] != '-'
                || text[offset + 7] != '-'
                || text[offset + 10] != 'T'
                || text[offset + 13] != ':'
                || text[offset + 16] != ':'
                || text[offset + length - 1] != 'Z') {
            return null;
        }
        int year = number(text, offset, 4);
        int month = number(text, offset + 5, 2);
        int day = number(text, offset + 8, 2);
        int hour = number(text, offset + 11, 2);
        int minute = number(text, offset + 14, 2);
        int second = number(text, offset + 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > daysIn(year, month)
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int nanos = 0;
        int fractionDigits = length - INSTANT_MIN_LENGTH - 1;
        if (length > INSTANT_MIN_LENGTH) {
            if (text[offset + 19] != '.' || fractionDigits < 1 || fractionDigits > MAX_FRACTION_DIGITS) {
                return null;
            }
            nanos = number(text, offset + 20, fractionDigits);
            if (nanos < 0) {
                return null;
            }
            for (int i = fractionDigits; i < MAX_FRACTION_DIGITS; i++) {
                nanos *= 10;
            }
        }
        long seconds = epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static int hex(char c) {
        return c < HEX.length ? HEX[c] : -1;
    }

    /**
     * The plain decimal number ({@code -?digits[.digits]}, at most 18 digits) written in
     * {@code text[offset, offset + length)} with the scale it is written with, as
     * {@code new BigDecimal(text)} reads it; null for any other number text.
     */
    static BigDecimal decimal(char[] text, int offset, int length) {
        int end = offset + length;
        int i = offset;
        boolean negative = i < end && text[i] == '-';
        if (negative) {
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = -1;
        for (; i < end; i++) {
            char c = text[i];
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
                digits++;
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0 && digits > 0) {
                scale = 0;
            } else {
                return null;
            }
        }
        if (digits == 0 || digits > MAX_LONG_DIGITS || scale == 0) {
            return null;
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
    }

    /** The decimal number in {@code text[offset, offset + digits)}, or -1 when a character is not a digit. */
    private static int number(char[] text, int offset, int digits) {
        int value = 0;
        for (int i = offset; i < offset + digits; i++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysIn(int year, int month) {
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date with a year of 0 or more (H. Hinnant's algorithm). */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - DAYS_0000_03_01_TO_EPOCH;
    }
}
