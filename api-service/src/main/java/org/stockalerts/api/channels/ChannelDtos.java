package org.stockalerts.api.channels;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.stockalerts.common.event.ChannelType;

/** Request and response bodies of the channel routes. */
final class ChannelDtos {

    private ChannelDtos() {}

    @Schema(example = "{\"type\": \"WEBHOOK\", \"address\": \"https://hooks.example.com/stock-alerts\"}")
    record NewChannel(
            @NotNull ChannelType type,
            @NotBlank @Size(min = 3, max = 2048) String address) {}

    @Schema(example = "{\"enabled\": false}")
    record ChannelChange(@NotNull Boolean enabled) {}

    /** Whether alert-consumer delivers to a channel, or stopped because it kept failing. */
    enum Status {
        ACTIVE,
        DISABLED
    }

    /**
     * A channel. {@code secret} is present only in the answer that created a webhook channel: the
     * receiver verifies signatures with it, and it is never shown again. {@code enabled} is the user's
     * switch; {@code status} is DISABLED when alert-consumer stopped delivering to a channel that kept
     * failing (or answered 410 Gone, or gave final errors), with when and why, until the user re-enables it.
     * {@code health} is there while the channel fails: failures since its last success, the last error.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChannelView(
            UUID id,
            ChannelType type,
            String address,
            boolean enabled,
            Instant createdAt,
            String secret,
            Status status,
            String disabledReason,
            Instant disabledAt,
            EndpointStatuses.Health health) {

        /** {@code channel} as alert-consumer sees it: {@code state} null for a healthy channel. */
        static ChannelView of(ChannelEntity channel, EndpointStatuses.State state) {
            return of(channel, null, state);
        }

        /** The answer that created a channel: the only one with its secret; it has failed no delivery yet. */
        static ChannelView withSecret(Channels.Added added) {
            return of(added.channel(), added.secret(), null);
        }

        private static ChannelView of(ChannelEntity channel, String secret, EndpointStatuses.State state) {
            EndpointStatuses.Disabled disabled = state == null ? null : state.disabled();
            return new ChannelView(
                    channel.id(),
                    channel.type(),
                    channel.address(),
                    channel.enabled(),
                    channel.createdAt(),
                    secret,
                    disabled == null ? Status.ACTIVE : Status.DISABLED,
                    disabled == null ? null : disabled.reason(),
                    disabled == null ? null : disabled.at(),
                    state == null ? null : state.health());
        }
    }

    /**
     * The answer to a secret rotation: the new secret, shown only this once, and when the replaced one
     * stops signing deliveries (until then each delivery carries both signatures).
     */
    record SecretRotation(UUID channelId, String secret, Instant previousSecretExpiresAt) {}
}
