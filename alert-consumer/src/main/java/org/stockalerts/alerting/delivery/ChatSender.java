package org.stockalerts.alerting.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.secrets.SecretBoxException;

/**
 * Sends alerts and digests to a chat or push service over HTTP: one {@link ChatMessage} template, rendered and
 * escaped by each provider's subclass, posted to the channel's own address (sealed in the API's table, opened only
 * here) after the same SSRF check as webhooks. Each subclass reads its provider's answer: its rate-limit signal
 * becomes the wait before the next attempt (never shorter), its permanent errors end the retries at once. An error
 * never quotes the address, which holds the channel's secret.
 */
abstract class ChatSender implements ChannelSender {

    /** The most of a provider's answer read: enough for its error, not for a hostile receiver's flood. */
    private static final int MAX_ANSWER_BYTES = 8 * 1024;

    private static final String USER_AGENT = "StockAlerts-Chat/1";

    /** A request to make: where, the body, and its headers (besides the user agent). */
    record Call(URI uri, String contentType, byte[] body, Map<String, String> headers) {}

    /** What the provider answered: status, headers and at most {@link #MAX_ANSWER_BYTES} of the body. */
    record Answer(int status, HttpHeaders headers, String body) {}

    private final HttpClient http;
    private final DestinationPolicy policy;
    private final WebhookSecrets secrets;
    private final PreferenceDirectory preferences;
    private final DeliverySettings settings;
    private final Clock clock;

    ChatSender(ChatSenderParts parts) {
        this.http = parts.http();
        this.policy = parts.policy();
        this.secrets = parts.secrets();
        this.preferences = parts.preferences();
        this.settings = parts.settings();
        this.clock = parts.clock();
    }

    /** The delivery settings. */
    final DeliverySettings settings() {
        return settings;
    }

    /** The wait a {@code Retry-After} header of {@code answer} asks for; null when it asks for none. */
    final Duration retryAfterHeader(Answer answer) {
        return answer.headers()
                .firstValue("Retry-After")
                .flatMap(value -> RetryAfter.parse(value, clock.instant()))
                .orElse(null);
    }

    @Override
    public SendResult send(AlertTriggered alert, Channel channel, Duration timeout) {
        ZoneId zone = preferences.of(alert.userId()).timeZone();
        return post(channel, ChatMessage.of(alert, zone, settings.linkBaseUrl()), timeout);
    }

    @Override
    public SendResult sendDigest(Digest digest, Channel channel, Duration timeout) {
        return post(channel, ChatMessage.of(digest), timeout);
    }

    @Override
    public SendResult sendNotice(Notice notice, Channel channel, Duration timeout) {
        return post(
                channel,
                new ChatMessage(notice.title(), notice.text(), Map.of(), List.of(), null, notice.at()),
                timeout);
    }

    /**
     * The request that sends {@code message} to {@code address} (the channel's address in clear), or null when the
     * address cannot be one of this provider's (refused for good).
     */
    abstract Call call(String address, ChatMessage message);

    /** What the provider's answer means: delivered, worth a retry (after its wait), or final. */
    abstract SendResult classify(Answer answer);

    /** The URL to call for {@code url}, as the SSRF policy allows it; the refusal when it does not. */
    final DestinationPolicy.Verdict checked(String url) {
        return policy.check(url);
    }

    private SendResult post(Channel channel, ChatMessage message, Duration timeout) {
        String address;
        try {
            address = secrets.address(channel);
        } catch (SecretBoxException e) {
            return SendResult.permanent(null, "the channel's address cannot be opened: " + e.getMessage());
        }
        Call call;
        try {
            call = call(address, message);
        } catch (RuntimeException e) {
            return redacted(
                    SendResult.permanent(
                            null, "the message cannot be built: " + e.getClass().getSimpleName()),
                    address);
        }
        if (call == null) {
            return SendResult.permanent(null, "the channel's address is not a valid " + type() + " address");
        }
        DestinationPolicy.Verdict verdict = checked(call.uri().toString());
        if (!verdict.allowed()) {
            return redacted(verdict.refusal(), address);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(verdict.uri())
                .timeout(timeout)
                .header("Content-Type", call.contentType())
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()));
        call.headers().forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(MAX_ANSWER_BYTES), StandardCharsets.UTF_8);
            }
            return redacted(classify(new Answer(response.statusCode(), response.headers(), body)), address);
        } catch (HttpTimeoutException e) {
            return SendResult.retryable(null, "no answer within " + timeout, null);
        } catch (IOException e) {
            return redacted(
                    SendResult.retryable(null, e.getClass().getSimpleName() + ": " + e.getMessage(), null), address);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retryable(null, "interrupted while calling " + type(), null);
        }
    }

    /** {@code result} with its error stripped of the address (and of each of its parts long enough to be a token). */
    private static SendResult redacted(SendResult result, String address) {
        if (result.error() == null) {
            return result;
        }
        String error = result.error().replace(address, "****");
        for (String part : address.split("[/:@?=&]")) {
            if (part.length() >= 8) {
                error = error.replace(part, "****");
            }
        }
        return new SendResult(result.kind(), result.statusCode(), error, result.retryAfter());
    }

    /**
     * What most providers' statuses mean: 2xx delivered; 429 worth another try after {@code wait} (the provider's
     * own signal, null for none); 408 and 5xx worth another try on the schedule; every other status final.
     *
     * @param detail what the provider said, for the error
     */
    static SendResult byStatus(Answer answer, String detail, Duration wait) {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return SendResult.delivered(status);
        }
        String error = describe(answer, detail);
        if (status == 429) {
            return SendResult.retryable(status, error, wait);
        }
        if (status == 408 || status >= 500) {
            return SendResult.retryable(status, error, null);
        }
        return SendResult.permanent(status, error);
    }

    /** The answer's status and the start of its body, for an error. */
    static String describe(Answer answer, String detail) {
        return "the provider answered " + answer.status() + (detail == null || detail.isBlank() ? "" : ": " + detail);
    }

    /** The first {@code max} characters of {@code text}, on one line. */
    static String brief(String text, int max) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }
}
