package org.stockalerts.alerting.delivery;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.kafka.Topics;

/**
 * Turns each fired alert into one {@link DeliveryRequest} per enabled channel target of its user
 * whose type the rule asked for (webhook, e-mail, Slack, Discord, Telegram, ntfy), on {@link DeliveryTopics#REQUESTS}. The offset
 * is committed only after every request is on the broker, so a crash re-fans the alert and the
 * delivery log drops what was already delivered.
 */
@Component
@RequiredArgsConstructor
public class AlertFanOut {

    private static final Logger log = LoggerFactory.getLogger(AlertFanOut.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final ChannelDirectory directory;
    private final KafkaOperations<Object, Object> kafka;

    @KafkaListener(
            id = "alert-delivery-fan-out",
            topics = Topics.Names.ALERTS_TRIGGERED,
            groupId = "alert-delivery",
            concurrency = "#{@deliveryRetrySchedule.concurrency()}")
    public void onAlert(AlertTriggered alert) throws InterruptedException, ExecutionException, TimeoutException {
        List<DeliveryRequest> requests = requestsFor(alert);
        CompletableFuture<?>[] sends = requests.stream()
                .map(request -> kafka.send(DeliveryTopics.REQUESTS, request.key(), request))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sends).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        log.atInfo()
                .addKeyValue("alertId", alert.alertId())
                .addKeyValue("userId", alert.userId())
                .addKeyValue("ruleId", alert.ruleId())
                .addKeyValue("targets", requests.size())
                .log("alert fanned out to its delivery targets");
    }

    /** One request per enabled target of a channel type the rule asked for. */
    List<DeliveryRequest> requestsFor(AlertTriggered alert) {
        Set<ChannelType> wanted = alert.rule().channels();
        if (wanted.stream().noneMatch(ChannelType::deliveredOut)) {
            return List.of();
        }
        return directory.enabledChannels(alert.userId()).stream()
                .filter(channel ->
                        wanted.contains(channel.type()) && channel.type().deliveredOut())
                .map(channel -> new DeliveryRequest(alert, channel.id(), channel.type()))
                .toList();
    }
}
