package org.stockalerts.api.channels;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockalerts.api.outbox.OutboxWriter;
import org.stockalerts.api.quota.Quotas;
import org.stockalerts.api.user.UserRepository;
import org.stockalerts.api.web.ConflictException;
import org.stockalerts.api.web.NotFoundException;
import org.stockalerts.api.web.UnprocessableException;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.ChannelsChanged;
import org.stockalerts.common.id.EventIds;

/**
 * A user's notification channels. Every change publishes the whole set as a {@link ChannelsChanged}
 * through the outbox. Webhook secrets (Standard Webhooks format, {@code whsec_} + base64) are made
 * here, stored for the delivery service and returned once.
 */
@Service
class Channels {

    private static final Logger log = LoggerFactory.getLogger(Channels.class);

    private static final int SECRET_BYTES = 32;
    private static final String SECRET_PREFIX = "whsec_";

    private final ChannelRepository channels;
    private final UserRepository users;
    private final OutboxWriter outbox;
    private final WebhookUrlPolicy webhookUrls;
    private final EventIds ids;
    private final Clock clock;
    private final Quotas quotas;
    private final SecureRandom random = new SecureRandom();

    Channels(
            ChannelRepository channels,
            UserRepository users,
            OutboxWriter outbox,
            WebhookSettings webhookSettings,
            EventIds ids,
            Clock clock,
            Quotas quotas) {
        this.quotas = quotas;
        this.channels = channels;
        this.users = users;
        this.outbox = outbox;
        this.webhookUrls = new WebhookUrlPolicy(webhookSettings, InetAddress::getAllByName);
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    ChannelEntity add(UUID userId, ChannelType type, String rawAddress) {
        lockUser(userId);
        String address = switch (type) {
            case WEBHOOK -> webhookUrls.check(rawAddress);
            case EMAIL -> email(rawAddress);
            case IN_APP -> throw new UnprocessableException("the in-app channel always exists and cannot be added");
        };
        if (channels.existsByUserIdAndTypeAndAddress(userId, type, address)) {
            throw new ConflictException("this " + type + " channel already exists");
        }
        String secret = type == ChannelType.WEBHOOK ? newSecret() : null;
        ChannelEntity channel = quotas.guarded(
                userId,
                () -> channels.save(new ChannelEntity(ids.next(), userId, type, address, secret, clock.instant())));
        publish(userId);
        log.atInfo()
                .addKeyValue("userId", userId)
                .addKeyValue("channelId", channel.id())
                .addKeyValue("type", type)
                .log("notification channel added");
        return channel;
    }

    @Transactional
    ChannelEntity setEnabled(UUID userId, UUID channelId, boolean enabled) {
        lockUser(userId);
        ChannelEntity channel = owned(userId, channelId);
        channel.enable(enabled, clock.instant());
        publish(userId);
        return channel;
    }

    @Transactional
    void remove(UUID userId, UUID channelId) {
        lockUser(userId);
        channels.delete(owned(userId, channelId));
        publish(userId);
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

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
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
