package org.stockalerts.alerting.delivery;

import org.stockalerts.common.event.FeedStatusChanged;

/**
 * Whether a feed-status event tells a user, given the newest feed notice they have about its symbol: once when it goes
 * blind, once when it comes back. The poller that publishes {@code feed-status} keeps its state in memory, so a new
 * leader may report a symbol stale again (under a new event id) while its outage goes on, or report it back without
 * having reported it blind: neither tells a user anything they do not know.
 */
final class OneNoticePerOutage {

    private OneNoticePerOutage() {}

    /**
     * @param latest the user's newest notice about the event's symbol; null when they have none
     * @return true for the event the newest notice told (redelivered: it records nothing new and sends only what was
     *     not sent), a STALE after a RESUMED or none, a RESUMED after a STALE; false for an event older than the newest
     *     notice (a replay), a STALE during an outage the user was told of, a RESUMED after a RESUMED or none
     */
    static boolean tells(FeedStatusChanged event, FeedNoticeLog.Latest latest) {
        if (latest == null) {
            return event.status() == FeedStatusChanged.Status.STALE;
        }
        if (latest.eventId().equals(event.eventId())) {
            return true;
        }
        if (latest.at().isAfter(Notice.at(event))) {
            return false;
        }
        return latest.status() != event.status();
    }
}
