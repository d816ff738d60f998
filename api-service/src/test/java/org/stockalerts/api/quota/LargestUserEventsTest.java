package org.stockalerts.api.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.ChannelTarget;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.ChannelsChanged;
import org.stockalerts.common.event.Holding;
import org.stockalerts.common.event.PortfolioChanged;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.kafka.JsonEventSerializer;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.SettingsBinding;

/**
 * The user events that carry a whole set stay far below the producer's {@code max.request.size}
 * (1 MiB by default) at the default quotas, so none of them can be quarantined for its size.
 */
class LargestUserEventsTest {

    private static final int PRODUCER_LIMIT =
            (int) ProducerConfig.configDef().defaultValues().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);

    /** The longest channel address the API accepts ({@code NewChannel.address}). */
    private static final int MAX_ADDRESS_CHARS = 2048;

    /** The largest value {@code @Digits(integer = 16, fraction = 8)} lets through. */
    private static final BigDecimal LARGEST_AMOUNT = new BigDecimal("9999999999999999.99999999");

    private final QuotaSettings quotas = SettingsBinding.bind(QuotaSettings.class);
    private final JsonEventSerializer<Object> json = new JsonEventSerializer<>();

    @Test
    void channelsChangedOfTheMostChannelsWithTheLongestAddressesIsUnderAQuarterOfTheLimit() {
        // Given as many channels as the quota allows, each address of the longest length in characters
        // that JSON writes largest (a control character, escaped as six bytes), beyond what the API accepts
        String address = "\u0001".repeat(MAX_ADDRESS_CHARS);
        List<ChannelTarget> channels = IntStream.range(0, quotas.channels())
                .mapToObj(i -> new ChannelTarget(UUID.randomUUID(), ChannelType.WEBHOOK, address, true))
                .toList();
        ChannelsChanged event = new ChannelsChanged(
                UUID.randomUUID(), Instant.now(), ChannelsChanged.CURRENT_VERSION, UUID.randomUUID(), channels);

        // Then its record is under a quarter of the producer's limit (about 200 KB at 16 channels)
        assertThat(json.serialize(Topics.USER_EVENTS.name(), event)).hasSizeLessThan(PRODUCER_LIMIT / 4);
    }

    @Test
    void portfolioChangedOfTheMostHoldingsWithTheLargestValuesIsUnderAQuarterOfTheLimit() {
        // Given as many holdings as the quota allows, each with the longest symbol and the largest amounts
        List<Holding> holdings = IntStream.range(0, quotas.holdings())
                .mapToObj(i -> new Holding(
                        Symbol.of(("S" + i + "X".repeat(Symbol.MAX_LENGTH)).substring(0, Symbol.MAX_LENGTH)),
                        LARGEST_AMOUNT,
                        LARGEST_AMOUNT))
                .toList();
        PortfolioChanged event = new PortfolioChanged(
                UUID.randomUUID(),
                Instant.now(),
                PortfolioChanged.CURRENT_VERSION,
                UUID.randomUUID(),
                UUID.randomUUID(),
                holdings);

        // Then its record is under a quarter of the producer's limit (about 46 KB at 500 holdings)
        assertThat(json.serialize(Topics.USER_EVENTS.name(), event)).hasSizeLessThan(PRODUCER_LIMIT / 4);
    }
}
