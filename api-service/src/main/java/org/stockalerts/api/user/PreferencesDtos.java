package org.stockalerts.api.user;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.preferences.DeliveryPreferences;
import org.stockalerts.common.preferences.QuietHours;

/** Bodies of {@code GET/PUT /users/{id}/preferences}. */
final class PreferencesDtos {

    /** The highest daily cap; more than this is no cap at all. */
    static final int MAX_DAILY_CAP = 10_000;

    private static final String TIME = "^([01]\\d|2[0-3]):[0-5]\\d$";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private PreferencesDtos() {}

    /** Quiet hours, local times of day in the user's zone (HH:mm, 00:00 to 23:59): from {@code start} up to {@code end}. */
    record QuietHoursBody(
            @NotNull @Pattern(regexp = TIME, message = "must be a time of day as HH:mm") @Schema(example = "22:00")
            String start,

            @NotNull @Pattern(regexp = TIME, message = "must be a time of day as HH:mm") @Schema(example = "07:00")
            String end) {

        static QuietHoursBody of(QuietHours quietHours) {
            return new QuietHoursBody(
                    quietHours.start().format(HH_MM), quietHours.end().format(HH_MM));
        }

        /** The quiet hours, once {@code start} and {@code end} are valid. */
        LocalTime startTime() {
            return LocalTime.parse(start, HH_MM);
        }

        LocalTime endTime() {
            return LocalTime.parse(end, HH_MM);
        }
    }

    /** What {@code PUT} sets: all of it, replacing what was set before. */
    @Schema(
            example = "{\"timeZone\": \"America/New_York\", \"quietHours\": {\"start\": \"22:00\", \"end\": \"07:00\"},"
                    + " \"dailyCaps\": {\"EMAIL\": 20}}")
    record PreferencesRequest(
            @NotBlank @Size(max = 64) String timeZone,
            @Valid QuietHoursBody quietHours,
            Map<ChannelType, @NotNull @Min(1) @Max(MAX_DAILY_CAP) Integer> dailyCaps) {}

    /**
     * The user's preferences.
     *
     * @param quietHours null when none are set
     * @param quietUntil when the quiet hours in force now end; null outside quiet hours
     * @param updatedAt when they were last set; null when never (the defaults: UTC, no quiet hours, no caps)
     */
    record PreferencesView(
            String timeZone,
            QuietHoursBody quietHours,
            Map<ChannelType, Integer> dailyCaps,
            Instant quietUntil,
            Instant updatedAt) {

        static PreferencesView of(DeliveryPreferences preferences, Instant updatedAt, Instant now) {
            return new PreferencesView(
                    preferences.timeZone().getId(),
                    preferences.quietHours() == null ? null : QuietHoursBody.of(preferences.quietHours()),
                    preferences.dailyCaps(),
                    preferences.quietUntil(now).orElse(null),
                    updatedAt);
        }
    }
}
