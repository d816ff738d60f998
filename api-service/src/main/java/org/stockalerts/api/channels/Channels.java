package org.stockalerts.api.channels;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockalerts.api.channels.ChannelDtos.SecretRotation;
import org.stockalerts.api.outbox.OutboxWriter;
import org.stockalerts.api.quota.Quotas;
import org.stockalerts.api.user.UserRepository;
import org.stockalerts.api.web.ConflictException;
import org.stockalerts.api.web.NotFoundException;
import org.stockalerts.api.web.UnprocessableException;
import org.stockalerts.common.event.ChannelReenabled;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.ChannelsChanged;
import org.stockalerts.common.id.EventIds;
import org.stockalerts.common.secrets.SecretBoxException;

/**
 * A user's notification channels. Every change publishes the whole set as a {@link ChannelsChanged}
 * through the outbox. Webhook secrets are made by {@link ChannelSecrets}, stored sealed for the
 * delivery service, and returned once: when the channel is added and when its secret is rotated.
 * Secrets never travel on Kafka, so a rotation publishes nothing: the delivery service reads the
 * channel's secrets from the table at every attempt.
 */
@Service
class Channels {

    private static final Logger log = LoggerFactory.getLogger(Channels.class);

    private final ChannelRepository channels;
    private final UserRepository users;
    private final OutboxWriter outbox;
    private final WebhookUrlPolicy webhookUrls;
    private final EventIds ids;
    private final Clock clock;
    private final Quotas quotas;
    private final ChannelSecrets secrets;
    private final Duration secretOverlap;

    Channels(
            ChannelRepository channels,
            UserRepository users,
            OutboxWriter outbox,
            WebhookSettings webhookSettings,
            EventIds ids,
            Clock clock,
            Quotas quotas,
            ChannelSecrets secrets,
            WebhookSecretSettings secretSettings) {
        this.quotas = quotas;
        this.secrets = secrets;
        this.secretOverlap = secretSettings.webhookSecretOverlap();
        this.channels = channels;
        this.users = users;
        this.outbox = outbox;
        this.webhookUrls = new WebhookUrlPolicy(webhookSettings, InetAddress::getAllByName);
        this.ids = ids;
        this.clock = clock;
    }

    /** A channel just added, with its webhook secret in clear (null for e-mail), to be shown once. */
    record Added(ChannelEntity channel, String secret) {}

    @Transactional
    Added add(UUID userId, ChannelType type, String rawAddress) {
        lockUser(userId);
        String address = switch (type) {
            case WEBHOOK -> webhookUrls.check(rawAddress);
            case EMAIL -> email(rawAddress);
            case SLACK, DISCORD, NTFY -> ChatAddresses.url(type, webhookUrls.check(rawAddress));
            case TELEGRAM -> ChatAddresses.telegram(rawAddress);
            case IN_APP -> throw new UnprocessableException("the in-app channel always exists and cannot be added");
        };
        // a chat channel's address is its secret: only its masked form is shown, compared and published
        String shown = type.secretAddress() ? ChatAddresses.masked(type, address) : address;
        if (type.secretAddress()
                ? holdsAddress(userId, type, address)
                : channels.existsByUserIdAndTypeAndAddress(userId, type, shown)) {
            throw new ConflictException("this " + type + " channel already exists");
        }
        UUID id = ids.next();
        String secret = type == ChannelType.WEBHOOK ? secrets.generate() : null;
        String kept = type.secretAddress() ? address : secret;
        String sealed = kept == null ? null : secrets.seal(kept, id);
        ChannelEntity channel = quotas.guarded(
                userId, () -> channels.save(new ChannelEntity(id, userId, type, shown, sealed, clock.instant())));
        publish(userId);
        log.atInfo()
                .addKeyValue("userId", userId)
                .addKeyValue("channelId", channel.id())
                .addKeyValue("type", type)
                .log("notification channel added");
        return new Added(channel, secret);
    }

    /**
     * Gives a webhook channel a new secret. The replaced one signs next to it for the configured
     * overlap; one replaced earlier, whose overlap may still run, stops signing at once.
     */
    @Transactional
    SecretRotation rotateSecret(UUID userId, UUID channelId) {
        lockUser(userId);
        ChannelEntity channel = owned(userId, channelId);
        if (channel.type() != ChannelType.WEBHOOK) {
            throw new UnprocessableException("only webhook channels have a secret to rotate");
        }
        // the table keeps microseconds: the answer shows the expiry exactly as it is stored
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String secret = secrets.generate();
        Instant previousExpiresAt = now.plus(secretOverlap);
        String previous;
        try {
            previous = secrets.reseal(channel.secret(), channelId);
        } catch (SecretBoxException e) {
            // the secret can no longer be opened (its key is gone), so it signs nothing today: the rotation
            // is the remedy, and it keeps no overlap for it
            log.atWarn()
                    .addKeyValue("channelId", channelId)
                    .addKeyValue("reason", e.getMessage())
                    .log("rotated webhook secret could not be opened; no overlap");
            previous = null;
            previousExpiresAt = now;
        }
        channel.rotateSecret(secrets.seal(secret, channelId), previous, previousExpiresAt, now);
        log.atInfo()
                .addKeyValue("userId", userId)
                .addKeyValue("channelId", channelId)
                .addKeyValue("previousSecretExpiresAt", previousExpiresAt)
                .log("webhook secret rotated");
        return new SecretRotation(channelId, secret, previousExpiresAt);
    }

    @Transactional
    ChannelEntity setEnabled(UUID userId, UUID channelId, boolean enabled) {
        lockUser(userId);
        ChannelEntity channel = owned(userId, channelId);
        channel.enable(enabled, clock.instant());
        publish(userId);
        return channel;
    }

    /**
     * Asks the delivery service to deliver to a webhook it disabled again: the state is the delivery
     * service's own, so this publishes a {@link ChannelReenabled} and writes nothing else.
     */
    @Transactional
    void reenable(UUID userId, UUID channelId) {
        lockUser(userId);
        if (owned(userId, channelId).type() == ChannelType.EMAIL) {
            throw new UnprocessableException("e-mail channels are not disabled by the delivery service");
        }
        outbox.userEvent(
                new ChannelReenabled(ids.next(), clock.instant(), ChannelReenabled.CURRENT_VERSION, userId, channelId));
        log.atInfo()
                .addKeyValue("userId", userId)
                .addKeyValue("channelId", channelId)
                .log("webhook re-enable requested");
    }

    @Transactional
    void remove(UUID userId, UUID channelId) {
        lockUser(userId);
        channels.delete(owned(userId, channelId));
        publish(userId);
    }

    /**
     * Whether {@code userId} has a {@code type} channel to {@code address} already: masked forms may be alike, so the
     * sealed addresses are compared (a user has few channels: the quota bounds them).
     */
    private boolean holdsAddress(UUID userId, ChannelType type, String address) {
        return channels.findByUserIdOrderByCreatedAtAscIdAsc(userId).stream()
                .filter(channel -> channel.type() == type)
                .anyMatch(channel -> secrets.opened(channel.secret(), channel.id())
                        .map(address::equals)
                        .orElse(false));
    }

    /**
     * @throws NotFoundException when {@code userId} has no channel {@code channelId}
     */
    void requireOwned(UUID userId, UUID channelId) {
        owned(userId, channelId);
    }

    private ChannelEntity owned(UUID userId, UUID channelId) {
        return channels.findByIdAndUserId(channelId, userId)
                .orElseThrow(() -> new NotFoundException("channel", channelId));
    }

    private void publish(UUID userId) {
        Instant now = clock.instant();
        outbox.userEvent(new ChannelsChanged(
                ids.next(),
                now,
                ChannelsChanged.CURRENT_VERSION,
                userId,
                channels.findByUserIdOrderByCreatedAtAscIdAsc(userId).stream()
                        .map(ChannelEntity::toTarget)
                        .toList()));
    }

    private void lockUser(UUID userId) {
        users.lockById(userId).orElseThrow(() -> NotFoundException.user(userId));
    }

    private static String email(String raw) {
        String address = raw.strip();
        if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new UnprocessableException("not an e-mail address");
        }
        int at = address.lastIndexOf('@');
        return address.substring(0, at) + address.substring(at).toLowerCase(Locale.ROOT);
    }
}
