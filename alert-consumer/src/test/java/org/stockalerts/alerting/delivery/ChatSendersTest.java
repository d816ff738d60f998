package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.fixtures.AlertDraft;
import org.stockalerts.common.fixtures.EventSamples;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.preferences.DeliveryPreferences;
import org.stockalerts.common.preferences.DeliveryPreferences.HoldReason;
import tools.jackson.databind.JsonNode;

/**
 * Each chat sender against a local fake of its provider: the request's shape (and its escaping of user text), the
 * provider's rate-limit signal as the wait before the next attempt, its permanent errors as final, and no error that
 * quotes the channel's secret address.
 */
class ChatSendersTest {

    private static final String HOSTILE = "AAPL <script>alert(1)</script> & *bold* @everyone";
    private static final String TELEGRAM_TOKEN = "123456789:AAEhBP0av28aT5nXlXtBQZxn9rd6FXo1Yqs";

    private final MockWebServer provider = new MockWebServer();
    private final AlertTriggered alert = AlertDraft.alert()
            .user(UUID.randomUUID())
            .message(HOSTILE)
            .channels(ChannelType.SLACK)
            .build();

    @BeforeEach
    void start() throws IOException {
        DeliveryFixtures.started(provider);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void slackGetsTextAndEscapedMrkdwnBlocksWaitsItsRetryAfterAndStopsOnANoLongerActiveHook() throws Exception {
        SlackSender slack = new SlackSender(parts());
        Channel channel = channel(ChannelType.SLACK, url("/services/T0001/B0001/SeCrEtToKeN123456"));
        provider.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        provider.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "30")
                .build());
        provider.enqueue(
                new MockResponse.Builder().code(404).body("no_active_hooks").build());
        provider.enqueue(new MockResponse.Builder().code(503).build());

        assertThat(slack.send(alert, channel, Duration.ofSeconds(2)).kind()).isEqualTo(SendResult.Kind.DELIVERED);
        RecordedRequest request = provider.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/services/T0001/B0001/SeCrEtToKeN123456");
        JsonNode body = json(request);
        assertThat(body.get("text").asString()).contains("AAPL alert");
        String blocks = body.get("blocks").toString();
        assertThat(blocks)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; *bold*")
                .doesNotContain("<script>")
                .contains("Threshold")
                .contains("<http://localhost:8080/alerts/" + alert.ruleId() + "|Open the rule>");

        assertThat(slack.send(alert, channel, Duration.ofSeconds(2)))
                .extracting(SendResult::kind, SendResult::retryAfter)
                .containsExactly(SendResult.Kind.RETRYABLE, Duration.ofSeconds(30));
        SendResult gone = slack.send(alert, channel, Duration.ofSeconds(2));
        assertThat(gone.kind()).isEqualTo(SendResult.Kind.PERMANENT);
        assertThat(gone.error()).contains("404").contains("no_active_hooks");
        assertThat(slack.send(alert, channel, Duration.ofSeconds(2)).kind()).isEqualTo(SendResult.Kind.RETRYABLE);
    }

    @Test
    void discordGetsAnEmbedWithEscapedMarkdownAndNoMentionsAndWaitsTheRetryAfterOfItsBody() throws Exception {
        DiscordSender discord = new DiscordSender(parts());
        Channel channel = channel(ChannelType.DISCORD, url("/api/webhooks/1234567890/DiScOrDtOkEn987654"));
        provider.enqueue(new MockResponse.Builder().code(204).build());
        provider.enqueue(new MockResponse.Builder()
                .code(429)
                .body("{\"message\": \"You are being rate limited.\", \"retry_after\": 1.5, \"global\": false}")
                .build());
        provider.enqueue(new MockResponse.Builder()
                .code(404)
                .body("{\"message\": \"Unknown Webhook\", \"code\": 10015}")
                .build());

        assertThat(discord.send(alert, channel, Duration.ofSeconds(2)).kind()).isEqualTo(SendResult.Kind.DELIVERED);
        JsonNode body = json(provider.takeRequest(5, TimeUnit.SECONDS));
        assertThat(body.get("content").asString()).contains("\\*bold\\*");
        assertThat(body.at("/embeds/0/description").asString()).contains("\\*bold\\*");
        assertThat(body.at("/embeds/0/url").asString()).endsWith("/alerts/" + alert.ruleId());
        assertThat(body.at("/allowed_mentions/parse")).isEmpty();

        assertThat(discord.send(alert, channel, Duration.ofSeconds(2)))
                .extracting(SendResult::kind, SendResult::retryAfter)
                .containsExactly(SendResult.Kind.RETRYABLE, Duration.ofMillis(1500));
        SendResult deleted = discord.send(alert, channel, Duration.ofSeconds(2));
        assertThat(deleted.kind()).isEqualTo(SendResult.Kind.PERMANENT);
        assertThat(deleted.error()).contains("Unknown Webhook").doesNotContain("DiScOrDtOkEn987654");
    }

    @Test
    void telegramGetsSendMessageInEscapedHtmlWaitsItsRetryAfterAndStopsWhenTheBotIsBlocked() throws Exception {
        TelegramSender telegram = new TelegramSender(parts());
        Channel channel = channel(ChannelType.TELEGRAM, "telegram:" + TELEGRAM_TOKEN + "/-1001234567890");
        provider.enqueue(new MockResponse.Builder()
                .code(200)
                .body("{\"ok\": true, \"result\": {\"message_id\": 7}}")
                .build());
        provider.enqueue(new MockResponse.Builder()
                .code(429)
                .body("{\"ok\": false, \"error_code\": 429, \"description\": \"Too Many Requests: retry after 7\","
                        + " \"parameters\": {\"retry_after\": 7}}")
                .build());
        provider.enqueue(new MockResponse.Builder()
                .code(403)
                .body(
                        "{\"ok\": false, \"error_code\": 403, \"description\": \"Forbidden: bot was blocked by the user\"}")
                .build());

        assertThat(telegram.send(alert, channel, Duration.ofSeconds(2)).kind()).isEqualTo(SendResult.Kind.DELIVERED);
        RecordedRequest request = provider.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/bot" + TELEGRAM_TOKEN + "/sendMessage");
        JsonNode body = json(request);
        assertThat(body.get("chat_id").asString()).isEqualTo("-1001234567890");
        assertThat(body.get("parse_mode").asString()).isEqualTo("HTML");
        assertThat(body.get("text").asString())
                .startsWith("<b>AAPL alert</b>")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>");

        assertThat(telegram.send(alert, channel, Duration.ofSeconds(2)))
                .extracting(SendResult::kind, SendResult::retryAfter)
                .containsExactly(SendResult.Kind.RETRYABLE, Duration.ofSeconds(7));
        SendResult blocked = telegram.send(alert, channel, Duration.ofSeconds(2));
        assertThat(blocked.kind()).isEqualTo(SendResult.Kind.PERMANENT);
        assertThat(blocked.error()).contains("bot was blocked").doesNotContain(TELEGRAM_TOKEN);
    }

    @Test
    void aFeedNoticeGoesToTelegramWithItsTitleInBoldAndItsTextEscaped() throws Exception {
        TelegramSender telegram = new TelegramSender(parts());
        Channel channel = channel(ChannelType.TELEGRAM, "telegram:" + TELEGRAM_TOKEN + "/-1001234567890");
        provider.enqueue(new MockResponse.Builder()
                .code(200)
                .body("{\"ok\": true, \"result\": {\"message_id\": 8}}")
                .build());
        Notice notice = Notice.feedResumed(EventSamples.feedResumed(), channel.userId(), ZoneId.of("UTC"));

        SendResult sent = telegram.sendNotice(notice, channel, Duration.ofSeconds(2));

        assertThat(sent.kind()).isEqualTo(SendResult.Kind.DELIVERED);
        String text =
                json(provider.takeRequest(5, TimeUnit.SECONDS)).get("text").asString();
        assertThat(text)
                .startsWith("<b>Stock alerts: market data for AAPL is back</b>\n")
                .contains("marked &quot;catch-up&quot;")
                .doesNotContain("\"catch-up\"");
    }

    @Test
    void ntfyGetsThePlainMessageWithItsHeadersAndADigestListsEveryHeldAlert() throws Exception {
        NtfySender ntfy = new NtfySender(parts());
        Channel channel = channel(ChannelType.NTFY, url("/stock-alerts-a1b2c3d4"));
        provider.enqueue(
                new MockResponse.Builder().code(200).body("{\"id\": \"x\"}").build());
        provider.enqueue(new MockResponse.Builder().code(200).build());
        provider.enqueue(new MockResponse.Builder()
                .code(403)
                .body("{\"error\": \"forbidden\"}")
                .build());

        assertThat(ntfy.send(alert, channel, Duration.ofSeconds(2)).kind()).isEqualTo(SendResult.Kind.DELIVERED);
        RecordedRequest single = provider.takeRequest(5, TimeUnit.SECONDS);
        assertThat(single.getUrl().encodedPath()).isEqualTo("/stock-alerts-a1b2c3d4");
        assertThat(single.getHeaders().get("Title")).isEqualTo("AAPL alert");
        assertThat(single.getHeaders().get("Priority")).isEqualTo("high");
        assertThat(single.getHeaders().get("Click")).endsWith("/alerts/" + alert.ruleId());
        assertThat(single.getBody().string(StandardCharsets.UTF_8)).startsWith(HOSTILE);

        AlertTriggered later =
                AlertDraft.alert().user(alert.userId()).message("MSFT fell").build();
        Digest digest = Digest.of(
                channel.id(),
                ZoneId.of("UTC"),
                List.of(
                        new Digest.Entry(HoldReason.QUIET_HOURS, Instant.now(), alert),
                        new Digest.Entry(HoldReason.QUIET_HOURS, Instant.now(), later)));
        assertThat(ntfy.sendDigest(digest, channel, Duration.ofSeconds(2)).kind())
                .isEqualTo(SendResult.Kind.DELIVERED);
        RecordedRequest digested = provider.takeRequest(5, TimeUnit.SECONDS);
        assertThat(digested.getHeaders().get("Title")).isEqualTo("2 alerts from your quiet hours");
        assertThat(digested.getBody().string(StandardCharsets.UTF_8))
                .contains("- ")
                .contains("MSFT fell")
                .contains("<script>");

        SendResult refused = ntfy.send(alert, channel, Duration.ofSeconds(2));
        assertThat(refused.kind()).isEqualTo(SendResult.Kind.PERMANENT);
        assertThat(refused.error()).doesNotContain("stock-alerts-a1b2c3d4");
    }

    @Test
    void aLongDigestListsItsFirstAlertsAndHowManyMoreWithinSlacksBlockLimit() throws Exception {
        SlackSender slack = new SlackSender(parts());
        Channel channel = channel(ChannelType.SLACK, url("/services/T0001/B0001/SeCrEtToKeN123456"));
        provider.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        List<Digest.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            AlertTriggered held = AlertDraft.alert()
                    .user(alert.userId())
                    .message("alert " + i + " " + "x".repeat(300))
                    .build();
            entries.add(new Digest.Entry(HoldReason.DAILY_CAP, Instant.now(), held));
        }

        SendResult sent =
                slack.sendDigest(Digest.of(channel.id(), ZoneId.of("UTC"), entries), channel, Duration.ofSeconds(2));

        assertThat(sent.kind()).isEqualTo(SendResult.Kind.DELIVERED);
        String section = json(provider.takeRequest(5, TimeUnit.SECONDS))
                .at("/blocks/0/text/text")
                .asString();
        assertThat(section).contains("40 alerts past your daily limit").contains("… and 25 more");
        assertThat(section.length()).isLessThan(3_000);
    }

    @Test
    void anAddressReachingAnInternalHostIsRefusedWithoutACall() {
        SlackSender slack = new SlackSender(parts());
        Channel internal = channel(ChannelType.SLACK, "http://10.1.2.3/services/T/B/InTeRnAlToKeN42");

        SendResult refused = slack.send(alert, internal, Duration.ofSeconds(2));

        assertThat(refused.kind()).isEqualTo(SendResult.Kind.PERMANENT);
        assertThat(refused.error()).doesNotContain("InTeRnAlToKeN42");
        assertThat(provider.getRequestCount()).isZero();
    }

    private ChatSenderParts parts() {
        DeliverySettings settings = new Binder(
                        new MapConfigurationPropertySource(Map.of("stockalerts.delivery.telegram-api-url", url(""))))
                .bindOrCreate("stockalerts.delivery", DeliverySettings.class);
        DestinationPolicy policy = new DestinationPolicy(List.of("127.0.0.1", "localhost"), InetAddress::getAllByName);
        return new ChatSenderParts(
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                policy,
                new WebhookSecrets(DeliveryFixtures.SECRETS),
                new FixedPreferences(),
                settings,
                Clock.systemUTC());
    }

    /** The channel as the API stores it: the address masked, the real one sealed in its secret. */
    private static Channel channel(ChannelType type, String address) {
        UUID id = UUID.randomUUID();
        return new Channel(
                id,
                UUID.randomUUID(),
                type,
                "masked",
                DeliveryFixtures.SECRETS.seal(address, id.toString()),
                null,
                null,
                true);
    }

    private String url(String path) {
        String base = provider.url("/").toString();
        return base.substring(0, base.length() - 1) + path;
    }

    private static JsonNode json(RecordedRequest request) {
        return EventJson.mapper().readTree(request.getBody().string(StandardCharsets.UTF_8));
    }

    /** Every user in UTC: what a sender reads of the preferences without a database. */
    private static final class FixedPreferences extends PreferenceDirectory {

        FixedPreferences() {
            super(null);
        }

        @Override
        public DeliveryPreferences of(UUID userId) {
            return DeliveryPreferences.NONE;
        }
    }
}
