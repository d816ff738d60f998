package org.stockalerts.alerting.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stockalerts.alerting.clock.ClockUncheckedException;
import org.stockalerts.common.delivery.ChannelTestResult;
import org.stockalerts.common.event.ChannelType;

/**
 * The internal route behind the API's {@code POST /users/{id}/channels/{channelId}/test}: sends one test message
 * through the channel's own sender (the same address, signature, escaping and SSRF check as alerts) and answers what
 * the provider said. api-service checks that the caller owns the channel first; this route answers any channel by
 * id and owner, so it is reachable only where the service port is (docs/security.md). A test neither counts towards
 * the channel's health nor is logged as a delivery.
 */
@RestController
class ChannelTestController {

    static final String PATH = "/engine/channels/{channelId}/test";

    private static final Logger log = LoggerFactory.getLogger(ChannelTestController.class);

    private final ChannelDirectory directory;
    private final DeliverySettings settings;
    private final Clock clock;
    private final Map<ChannelType, ChannelSender> senders = new EnumMap<>(ChannelType.class);

    ChannelTestController(
            ChannelDirectory directory, DeliverySettings settings, Clock clock, List<ChannelSender> senders) {
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
        senders.forEach(sender -> this.senders.put(sender.type(), sender));
    }

    @PostMapping(PATH)
    ResponseEntity<?> test(@PathVariable UUID channelId, @RequestParam UUID userId) {
        Optional<Channel> channel =
                directory.find(channelId).filter(found -> found.userId().equals(userId));
        ChannelSender sender = channel.map(found -> senders.get(found.type())).orElse(null);
        if (channel.isEmpty() || sender == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such channel of this user"));
        }
        Instant at = clock.instant();
        long start = System.nanoTime();
        SendResult result = sender.sendNotice(Notice.test(channel.get(), at), channel.get(), settings.requestTimeout());
        long latency = Duration.ofNanos(System.nanoTime() - start).toMillis();
        log.atInfo()
                .addKeyValue("userId", userId)
                .addKeyValue("channelId", channelId)
                .addKeyValue("channel", channel.get().type())
                .addKeyValue("outcome", result.kind())
                .addKeyValue("statusCode", result.statusCode())
                .log("test message sent");
        return ResponseEntity.ok(new ChannelTestResult(
                channelId,
                result.kind().name(),
                result.statusCode(),
                result.error(),
                result.retryAfter() == null ? null : result.retryAfter().toSeconds(),
                latency,
                at));
    }

    @ExceptionHandler(ClockUncheckedException.class)
    ProblemDetail clockUnchecked(ClockUncheckedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }
}
