package org.stockalerts.common.rules;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.PriceTick;

/**
 * The catch-up of a blind feed that came back: each price its gap hid ({@link FeedStatusChanged#catchUp()}) as a
 * tick the engine evaluates like any other, in time order, before the ticks that follow the gap. Their event ids
 * derive from the feed event's, so a replayed event fires the same alerts (same alertIds); prices at or before the
 * symbol's last accepted tick are left out, as such a tick would be. Each carries the event's previous close, so move
 * rules measured from it are caught up too.
 */
public final class CatchUp {

    private CatchUp() {}

    /** The ticks {@code resumed}'s catch-up prices stand for, after {@code state}'s last accepted tick. */
    public static List<PriceTick> ticks(FeedStatusChanged resumed, SymbolState state) {
        if (resumed.status() != FeedStatusChanged.Status.RESUMED) {
            return List.of();
        }
        List<PriceTick> ticks = new ArrayList<>();
        Instant last = state.lastObservedAt();
        List<FeedStatusChanged.PricePoint> points = resumed.catchUp();
        for (int i = 0; i < points.size(); i++) {
            FeedStatusChanged.PricePoint point = points.get(i);
            if (last != null && !point.at().isAfter(last)) {
                continue;
            }
            ticks.add(new PriceTick(
                    eventId(resumed.eventId(), i),
                    resumed.occurredAt(),
                    PriceTick.CURRENT_VERSION,
                    resumed.symbol(),
                    point.price(),
                    null,
                    null,
                    null,
                    null,
                    resumed.previousClose(),
                    resumed.source(),
                    point.at()));
            last = point.at();
        }
        return ticks;
    }

    /** The event id of catch-up price {@code index} of feed event {@code feedEventId}. */
    static UUID eventId(UUID feedEventId, int index) {
        return UUID.nameUUIDFromBytes(("catch-up:" + feedEventId + ":" + index).getBytes(StandardCharsets.UTF_8));
    }
}
