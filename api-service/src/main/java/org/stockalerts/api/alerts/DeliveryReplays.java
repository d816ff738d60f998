package org.stockalerts.api.alerts;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockalerts.api.outbox.OutboxWriter;
import org.stockalerts.api.web.ConflictException;
import org.stockalerts.api.web.NotFoundException;
import org.stockalerts.api.web.UnprocessableException;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.DeliveryReplayRequested;
import org.stockalerts.common.id.EventIds;
import org.stockalerts.common.kafka.EventJson;

/**
 * Replays one delivery, an alert to one channel of its user: publishes a {@link DeliveryReplayRequested}
 * through the outbox, and alert-consumer, which owns the delivery log, makes the attempt. The alert is
 * read as persistence-consumer stored it ({@code persistence.alerts}), the channel from this service's
 * table, the delivery state from alert-consumer's log; none of them is written here.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DeliveryReplays {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReplays.class);

    private final JdbcTemplate jdbc;
    private final OutboxWriter outbox;
    private final EventIds ids;
    private final Clock clock;

    /**
     * @throws NotFoundException when the alert or the channel is not the user's
     * @throws UnprocessableException when the channel is not one alert-consumer delivers to
     * @throws ConflictException when the alert already reached the channel
     */
    @Transactional
    void replay(UUID userId, UUID alertId, UUID channelId) {
        AlertTriggered alert = alert(userId, alertId);
        ChannelType type = jdbc
                .queryForList(
                        "SELECT type FROM api.notification_channels WHERE id = ? AND user_id = ?",
                        String.class,
                        channelId,
                        userId)
                .stream()
                .findFirst()
                .map(ChannelType::valueOf)
                .orElseThrow(() -> new NotFoundException("channel", channelId));
        if (!type.deliveredOut()) {
            throw new UnprocessableException("only deliveries to channels can be replayed");
        }
        if (delivered(alertId, channelId)) {
            throw new ConflictException("this alert already reached this channel");
        }
        outbox.userEvent(new DeliveryReplayRequested(
                ids.next(), clock.instant(), DeliveryReplayRequested.CURRENT_VERSION, userId, channelId, type, alert));
        log.atInfo()
                .addKeyValue("userId", userId)
                .addKeyValue("alertId", alertId)
                .addKeyValue("channelId", channelId)
                .log("delivery replay requested");
    }

    private AlertTriggered alert(UUID userId, UUID alertId) {
        List<String> payloads;
        try {
            payloads = jdbc.queryForList(
                    "SELECT payload::text FROM persistence.alerts WHERE alert_id = ? AND user_id = ?",
                    String.class,
                    alertId,
                    userId);
        } catch (BadSqlGrammarException noTableYet) {
            payloads = List.of();
        }
        return payloads.stream()
                .findFirst()
                .map(json -> EventJson.read(json, AlertTriggered.class, "persistence.alerts"))
                .orElseThrow(() -> new NotFoundException("alert", alertId));
    }

    private boolean delivered(UUID alertId, UUID channelId) {
        try {
            return Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM alerting.alert_deliveries WHERE alert_id = ? AND channel_id = ?"
                            + " AND outcome = 'DELIVERED')",
                    Boolean.class,
                    alertId,
                    channelId));
        } catch (BadSqlGrammarException noTableYet) {
            return false;
        }
    }
}
