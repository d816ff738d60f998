package org.stockalerts.api.channels;

import java.io.IOException;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stockalerts.api.alerts.EngineLinkSettings;
import org.stockalerts.common.delivery.ChannelTestResult;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.kafka.MalformedEventException;

/**
 * Asks alert-consumer, which holds the senders and opens the channels' secrets, to send a test message to a channel
 * ({@code POST /engine/channels/{channelId}/test}) and passes its answer on. The call may take the provider's whole
 * request timeout, so it gets the engine link's timeout plus {@link #SEND_ALLOWANCE_SECONDS}.
 */
@Component
class ChannelTests {

    private static final Logger log = LoggerFactory.getLogger(ChannelTests.class);

    /** How much longer than a question to the engine a test may take: the provider's answer. */
    static final long SEND_ALLOWANCE_SECONDS = 10;

    private final OkHttpClient http;
    private final HttpUrl base;

    ChannelTests(EngineLinkSettings settings) {
        this.http = new OkHttpClient.Builder()
                .callTimeout(settings.timeout().plusSeconds(SEND_ALLOWANCE_SECONDS))
                .retryOnConnectionFailure(false)
                .build();
        this.base = HttpUrl.get(settings.url());
    }

    /**
     * Sends a test message to {@code channelId} of {@code userId} (who owns it: the caller checked).
     *
     * @throws DeliveryServiceUnavailableException (503) when alert-consumer cannot be reached or answers otherwise
     */
    ChannelTestResult test(UUID userId, UUID channelId) {
        HttpUrl url = base.newBuilder()
                .addPathSegments("engine/channels")
                .addPathSegment(channelId.toString())
                .addPathSegment("test")
                .addQueryParameter("userId", userId.toString())
                .build();
        Request request = new Request.Builder()
                .url(url)
                .post(RequestBody.create(new byte[0]))
                .build();
        try (Response answer = http.newCall(request).execute()) {
            if (!answer.isSuccessful()) {
                throw unavailable("the delivery service answered " + answer.code());
            }
            return EventJson.read(answer.body().bytes(), ChannelTestResult.class, "channel test");
        } catch (IOException | MalformedEventException e) {
            log.atWarn()
                    .addKeyValue("channelId", channelId)
                    .addKeyValue("error", e.toString())
                    .log("the delivery service did not test a channel");
            throw unavailable("the delivery service could not be reached");
        }
    }

    private static DeliveryServiceUnavailableException unavailable(String detail) {
        return new DeliveryServiceUnavailableException(detail);
    }
}
