package org.stockalerts.api.channels;

import static org.stockalerts.api.security.Ownership.requireSelf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stockalerts.api.channels.ChannelDtos.ChannelView;
import org.stockalerts.api.channels.ChannelDtos.SecretRotation;
import org.stockalerts.api.idempotency.Idempotent;
import org.stockalerts.api.security.CurrentUser;
import org.stockalerts.api.web.JsonAnswer;
import org.stockalerts.common.delivery.ChannelTestResult;

@RestController
@RequestMapping("/users/{userId}/channels")
@Tag(
        name = "Notification channels",
        description = "Where the caller's alerts are delivered: e-mail, webhooks, Slack, Discord, Telegram, ntfy")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ChannelController {

    private final Channels channels;
    private final ChannelRepository repository;
    private final EndpointStatuses statuses;
    private final ChannelTests tests;

    @GetMapping
    @Operation(
            summary = "The user's channels (webhook secrets are never listed)",
            description = "status is DISABLED, with disabledReason and disabledAt, for a webhook the delivery"
                    + " service stopped calling: it answered 410 Gone, or failed without one success for"
                    + " STOCKALERTS_DELIVERY_DISABLE_AFTER (5 days by default). POST …/reenable starts it again.")
    @JsonAnswer(ChannelExamples.CHANNELS)
    List<ChannelView> list(@PathVariable UUID userId, @CurrentUser UUID caller) {
        Map<UUID, EndpointStatuses.State> states = statuses.states(requireSelf(userId, caller));
        return repository.findByUserIdOrderByCreatedAtAscIdAsc(userId).stream()
                .map(channel -> ChannelView.of(channel, states.get(channel.id())))
                .toList();
    }

    @PostMapping
    @Idempotent
    @Operation(
            summary = "Add an e-mail, webhook, Slack, Discord, Telegram or ntfy channel",
            description = "For a webhook the answer carries its signing secret (whsec_…), shown only this once."
                    + " SLACK and DISCORD take the webhook URL the service gave, NTFY the topic's URL"
                    + " (https://ntfy.sh/<topic> or a self-hosted server), TELEGRAM telegram:<bot token>/<chat id>;"
                    + " their address is a secret: kept sealed, and shown masked (****, then its last four"
                    + " characters) from this answer on. URLs reaching internal addresses are refused with 422.")
    @JsonAnswer(status = HttpStatus.CREATED, value = ChannelExamples.CREATED)
    ResponseEntity<ChannelView> add(
            @PathVariable UUID userId, @CurrentUser UUID caller, @Valid @RequestBody ChannelDtos.NewChannel request) {
        Channels.Added added = channels.add(requireSelf(userId, caller), request.type(), request.address());
        return ResponseEntity.created(URI.create(
                        "/users/" + userId + "/channels/" + added.channel().id()))
                .body(ChannelView.withSecret(added));
    }

    @PostMapping("/{channelId}/secret/rotate")
    @Idempotent
    @Operation(
            summary = "Give a webhook channel a new signing secret",
            description = "Answers the new secret (whsec_…), shown only this once. Until previousSecretExpiresAt"
                    + " (STOCKALERTS_API_WEBHOOK_SECRET_OVERLAP after now, 24 h by default) every delivery carries"
                    + " two signatures in webhook-signature, the new secret's first; then only the new one."
                    + " Rotating again drops the secret replaced before at once. E-mail channels answer 422.")
    @JsonAnswer(ChannelExamples.ROTATED)
    SecretRotation rotateSecret(@PathVariable UUID userId, @PathVariable UUID channelId, @CurrentUser UUID caller) {
        return channels.rotateSecret(requireSelf(userId, caller), channelId);
    }

    @PatchMapping("/{channelId}")
    @Operation(summary = "Enable or disable a channel")
    @JsonAnswer(ChannelExamples.CHANNEL)
    ChannelView change(
            @PathVariable UUID userId,
            @PathVariable UUID channelId,
            @CurrentUser UUID caller,
            @Valid @RequestBody ChannelDtos.ChannelChange change) {
        ChannelEntity channel = channels.setEnabled(requireSelf(userId, caller), channelId, change.enabled());
        return ChannelView.of(channel, statuses.states(userId).get(channelId));
    }

    @PostMapping("/{channelId}/reenable")
    @Operation(
            summary = "Re-enable a channel the delivery service disabled",
            description = "Deliveries to the channel (a webhook, Slack, Discord, Telegram or ntfy) start again and it"
                    + " is judged afresh; its status turns ACTIVE once the delivery service has taken the request"
                    + " (moments later). Accepted for any such channel of the user; e-mail channels answer 422.")
    @ApiResponse(responseCode = "202", description = "Accepted")
    ResponseEntity<Void> reenable(@PathVariable UUID userId, @PathVariable UUID channelId, @CurrentUser UUID caller) {
        channels.reenable(requireSelf(userId, caller), channelId);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{channelId}/test")
    @Operation(
            summary = "Send a test message through a channel and answer what its provider said",
            description = "One message, sent as alerts are (same address, signature, escaping and SSRF check), to any"
                    + " channel of the user, disabled or not; it does not count towards the channel's health."
                    + " outcome is DELIVERED, RETRYABLE (a failure for now, or the provider asked to wait"
                    + " retryAfterSeconds) or PERMANENT (refused for good), with the provider's HTTP status and error."
                    + " 503 while the delivery service cannot answer.")
    @JsonAnswer(ChannelExamples.TESTED)
    ChannelTestResult test(@PathVariable UUID userId, @PathVariable UUID channelId, @CurrentUser UUID caller) {
        channels.requireOwned(requireSelf(userId, caller), channelId);
        return tests.test(userId, channelId);
    }

    @DeleteMapping("/{channelId}")
    @Operation(summary = "Remove a channel")
    ResponseEntity<Void> remove(@PathVariable UUID userId, @PathVariable UUID channelId, @CurrentUser UUID caller) {
        channels.remove(requireSelf(userId, caller), channelId);
        return ResponseEntity.noContent().build();
    }
}
