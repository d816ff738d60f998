package org.stockalerts.alerting.delivery;

import java.time.Instant;
import java.util.UUID;
import org.stockalerts.common.event.FeedStatusChanged;

/**
 * The JSON body of a notice's webhook call, in the Standard Webhooks shape: {@code type} the notice's
 * ({@code channel.disabled}, {@code channel.test}, {@code feed.stale}, {@code feed.resumed}), the call's {@code
 * timestamp}, and as {@code data} the notice. A field that does not apply to the notice's type is left out.
 */
public record NoticePayload(String type, Instant timestamp, Data data) {

    /**
     * The notice.
     *
     * @param channelId the channel a channel notice is about
     * @param symbol the symbol a feed notice is about
     * @param problem why the symbol's feed was blind (a feed notice)
     * @param since when the symbol's feed went blind (a feed notice)
     * @param resumedAt when its data came back ({@code feed.resumed})
     */
    public record Data(
            UUID noticeId,
            UUID channelId,
            String symbol,
            FeedStatusChanged.Problem problem,
            Instant since,
            Instant resumedAt,
            String title,
            String text,
            Instant at) {}

    public static NoticePayload of(Notice notice, Instant timestamp) {
        Notice.Feed feed = notice.feed();
        return new NoticePayload(
                notice.type(),
                timestamp,
                new Data(
                        notice.id(),
                        notice.channelId(),
                        feed == null ? null : feed.symbol(),
                        feed == null ? null : feed.problem(),
                        feed == null ? null : feed.since(),
                        feed == null ? null : feed.resumedAt(),
                        notice.title(),
                        notice.text(),
                        notice.at()));
    }
}
