package org.stockalerts.api.user;

import static org.stockalerts.api.security.Ownership.requireSelf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stockalerts.api.security.CurrentUser;
import org.stockalerts.api.user.PreferencesDtos.PreferencesRequest;
import org.stockalerts.api.user.PreferencesDtos.PreferencesView;
import org.stockalerts.api.web.JsonAnswer;

@RestController
@RequestMapping("/users/{userId}/preferences")
@Tag(name = "Users")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PreferencesController {

    private final Preferences preferences;

    @GetMapping
    @Operation(
            summary = "The user's delivery preferences: time zone, quiet hours, daily caps",
            description = "A user who never set any has UTC, no quiet hours and no caps (updatedAt null). quietUntil"
                    + " is when the quiet hours in force now end, absent outside them.")
    @JsonAnswer(PreferencesExamples.PREFERENCES)
    PreferencesView get(@PathVariable UUID userId, @CurrentUser UUID caller) {
        return preferences.view(requireSelf(userId, caller));
    }

    @PutMapping
    @Operation(
            summary = "Set the user's delivery preferences (all of them)",
            description = "timeZone is an IANA zone (\"America/New_York\", \"UTC\"). quietHours {start, end} are"
                    + " local times of day; a start after the end spans midnight; omit it for none. Alerts fired"
                    + " in quiet hours reach the in-app history and live stream at once, while what they send to"
                    + " channels (webhook, e-mail, Slack, Discord, Telegram, ntfy) is held and sent as one digest per channel when the quiet hours"
                    + " end. dailyCaps caps the alert messages a day (in timeZone) per channel type (WEBHOOK,"
                    + " EMAIL, SLACK, DISCORD, TELEGRAM, NTFY; 1 to 10000); past the cap the day's alerts go out as an hourly digest. Nothing is"
                    + " dropped. 422 for an unknown zone, quiet hours that start when they end, or an IN_APP cap.")
    @JsonAnswer(PreferencesExamples.PREFERENCES)
    PreferencesView replace(
            @PathVariable UUID userId, @CurrentUser UUID caller, @Valid @RequestBody PreferencesRequest request) {
        return preferences.replace(requireSelf(userId, caller), request);
    }
}
