package org.stockalerts.alerting.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.FeedStatusChanged;

/**
 * Tells every user with an active rule on a symbol that its market data went blind or came back ({@link
 * FeedStatusChanged}): one notice per outage and user ({@link OneNoticePerOutage}: a STALE while the user's newest
 * notice about the symbol is an unresolved STALE, or a RESUMED without one, tells them nothing), recorded in {@code
 * alerting.feed_notices} (api-service lists it among the user's notices) and sent once through each of the user's
 * enabled channels that works ({@link NoticeChannels}). A redelivered event records nothing new and sends only the
 * notices a crash or an outage kept from going out; a channel that fails is logged, not retried. Recording deletes the
 * notices older than {@link DeliverySettings#feedNoticeRetention()}, and an event older than that tells nobody: its
 * notices may have come and gone already.
 */
@Component
@RequiredArgsConstructor
public class FeedNotices {

    private static final Logger log = LoggerFactory.getLogger(FeedNotices.class);

    private final RuleWatchers watchers;
    private final FeedNoticeLog notices;
    private final NoticeChannels channels;
    private final PreferenceDirectory preferences;
    private final DeliverySettings settings;
    private final Clock clock;

    /** Tells the users watching {@code event}'s symbol. */
    public void tell(FeedStatusChanged event) {
        Instant now = clock.instant();
        Instant oldest = now.minus(settings.feedNoticeRetention());
        int purged = notices.purge(oldest);
        if (event.occurredAt().isBefore(oldest)) {
            log.atInfo()
                    .addKeyValue("eventId", event.eventId())
                    .addKeyValue("symbol", event.symbol().value())
                    .addKeyValue("occurredAt", event.occurredAt())
                    .log("feed status older than the notices are kept: nobody told");
            return;
        }
        List<UUID> watching = watchers.of(event.symbol(), now);
        Map<UUID, FeedNoticeLog.Latest> latest = notices.latest(event.symbol(), watching);
        List<Notice> told = watching.stream()
                .filter(userId -> OneNoticePerOutage.tells(event, latest.get(userId)))
                .map(userId -> notice(event, userId))
                .toList();
        notices.record(event, told, now);
        int sent = sendUnsent(told);
        log.atInfo()
                .addKeyValue("eventId", event.eventId())
                .addKeyValue("symbol", event.symbol().value())
                .addKeyValue("status", event.status())
                .addKeyValue("problem", event.problem())
                .addKeyValue("users", told.size())
                .addKeyValue("skipped", watching.size() - told.size())
                .addKeyValue("sent", sent)
                .addKeyValue("purged", purged)
                .log("feed notices told");
    }

    /** Sends those of {@code told} not sent yet, each marked sent once its channels had it; returns how many. */
    private int sendUnsent(List<Notice> told) {
        Set<UUID> unsent = notices.unsent(told.stream().map(Notice::id).toList());
        for (Notice notice : told) {
            if (unsent.contains(notice.id())) {
                channels.send(notice, channel -> true);
                notices.sent(notice.id(), clock.instant());
            }
        }
        return unsent.size();
    }

    private Notice notice(FeedStatusChanged event, UUID userId) {
        ZoneId zone = preferences.of(userId).timeZone();
        return event.status() == FeedStatusChanged.Status.RESUMED
                ? Notice.feedResumed(event, userId, zone)
                : Notice.feedStale(event, userId, zone);
    }
}
