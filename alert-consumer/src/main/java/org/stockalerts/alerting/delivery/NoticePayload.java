package org.stockalerts.alerting.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * The JSON body of a notice's webhook call, in the Standard Webhooks shape: {@code type} the notice's
 * ({@code channel.disabled}, {@code channel.test}), the call's {@code timestamp}, and as {@code data} the notice.
 */
public record NoticePayload(String type, Instant timestamp, Data data) {

    /** The notice. */
    public record Data(UUID noticeId, UUID channelId, String title, String text, Instant at) {}

    public static NoticePayload of(Notice notice, Instant timestamp) {
        return new NoticePayload(
                notice.type(),
                timestamp,
                new Data(notice.id(), notice.channelId(), notice.title(), notice.text(), notice.at()));
    }
}
