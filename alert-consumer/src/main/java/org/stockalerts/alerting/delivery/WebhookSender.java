package org.stockalerts.alerting.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.stockalerts.alerting.clock.CheckedClock;
import org.stockalerts.alerting.clock.ClockUncheckedException;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.secrets.SecretBoxException;

/**
 * POSTs an alert to a user's webhook, signed the Standard Webhooks way: with the channel's secret and,
 * while a rotation's overlap runs, also with the secret it replaced ({@code webhook-signature} then
 * holds both, space-separated, the new one first). 2xx is delivered; a
 * timeout, a connection failure, 408, 429 and 5xx are worth retrying (429 and 503 with the
 * receiver's Retry-After); redirects and every other status are final. The {@code webhook-timestamp}
 * is the {@link CheckedClock}'s, so receivers that refuse a timestamp off by more than their tolerance
 * (Standard Webhooks: 5 min) accept it whatever this host's clock says.
 */
@Component
@RequiredArgsConstructor
public class WebhookSender implements ChannelSender {

    static final String ID_HEADER = "webhook-id";
    static final String TIMESTAMP_HEADER = "webhook-timestamp";
    static final String SIGNATURE_HEADER = "webhook-signature";
    private static final String USER_AGENT = "StockAlerts-Webhooks/1";

    private final HttpClient http;
    private final DestinationPolicy policy;
    private final WebhookSecrets secrets;
    private final CheckedClock clock;

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    /**
     * {@inheritDoc}
     *
     * @throws ClockUncheckedException when the clock cannot be vouched for: nothing is sent, and the
     *     delivery waits in place as for a database outage
     */
    @Override
    public SendResult send(AlertTriggered alert, Channel channel, Duration timeout) {
        return post(channel, alert.alertId().toString(), now -> WebhookPayload.of(alert, now), timeout);
    }

    /**
     * {@inheritDoc} Its {@code webhook-id} is the digest's id.
     *
     * @throws ClockUncheckedException when the clock cannot be vouched for: nothing is sent
     */
    @Override
    public SendResult sendDigest(Digest digest, Channel channel, Duration timeout) {
        return post(channel, digest.id().toString(), now -> DigestPayload.of(digest, now), timeout);
    }

    /** {@inheritDoc} Its {@code webhook-id} is the notice's id, its {@code type} the notice's. */
    @Override
    public SendResult sendNotice(Notice notice, Channel channel, Duration timeout) {
        return post(channel, notice.id().toString(), now -> NoticePayload.of(notice, now), timeout);
    }

    private SendResult post(Channel channel, String id, Function<Instant, Object> payload, Duration timeout) {
        DestinationPolicy.Verdict verdict = policy.check(channel.address());
        if (!verdict.allowed()) {
            return verdict.refusal();
        }
        Instant now = clock.checkedInstant();
        List<String> signing;
        try {
            signing = secrets.signing(channel, now);
        } catch (SecretBoxException e) {
            return SendResult.permanent(null, "webhook secret cannot be opened: " + e.getMessage());
        }
        Optional<String> badSecret = signing.stream()
                .map(WebhookSignature::problemWith)
                .flatMap(Optional::stream)
                .findFirst();
        if (badSecret.isPresent()) {
            return SendResult.permanent(null, badSecret.get());
        }
        byte[] body = EventJson.write(payload.apply(now));
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(verdict.uri())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(ID_HEADER, id)
                .header(TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(SIGNATURE_HEADER, WebhookSignature.signAll(signing, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return classify(response);
        } catch (HttpTimeoutException e) {
            return SendResult.retryable(null, "no answer within " + timeout, null);
        } catch (IOException e) {
            return SendResult.retryable(null, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retryable(null, "interrupted while calling the webhook", null);
        }
    }

    private SendResult classify(HttpResponse<Void> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return SendResult.delivered(status);
        }
        if (status == 408 || status == 429 || status >= 500) {
            Duration retryAfter = response.headers()
                    .firstValue("Retry-After")
                    .flatMap(value -> RetryAfter.parse(value, clock.instant()))
                    .orElse(null);
            return SendResult.retryable(status, "receiver answered " + status, retryAfter);
        }
        return SendResult.permanent(status, "receiver answered " + status);
    }
}
