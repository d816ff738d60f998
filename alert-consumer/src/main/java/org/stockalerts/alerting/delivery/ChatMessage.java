package org.stockalerts.alerting.delivery;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stockalerts.common.event.AlertTriggered;

/**
 * What a chat or push message says about an alert or a digest, before it is rendered in a provider's format (and
 * escaped for it): a title, the headline (the alert's message), labelled facts (condition, threshold, value, when it
 * fired in the user's zone) and a link back to the rule in the API. One template for every chat channel type, so
 * Slack, Discord, Telegram and ntfy say the same thing each in their own markup.
 *
 * @param title a short title ("AAPL alert", "3 alerts from your quiet hours")
 * @param headline the alert's message, or the digest's explanation
 * @param facts label to value, in order
 * @param lines one line per alert of a digest; empty for a single alert
 * @param link where the user reads more; null when there is no single target
 * @param at the instant the message is about (when the alert fired, or the first alert of a digest)
 */
record ChatMessage(
        String title, String headline, Map<String, String> facts, List<String> lines, String link, Instant at) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    /**
     * The most alerts a digest lists one by one: with each line at most {@link #MAX_LINE} characters, the message
     * stays within every provider's limit (Slack's 3,000 characters a text block, Discord's and Telegram's 4,096).
     */
    static final int MAX_LINES = 15;

    private static final int MAX_LINE = 140;

    /** The message for {@code alert}, its time in {@code zone}, linking to the rule under {@code linkBase}. */
    static ChatMessage of(AlertTriggered alert, ZoneId zone, String linkBase) {
        String about = alert.symbol() == null ? "Portfolio" : alert.symbol().value();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Condition", alert.rule().condition().name());
        if (alert.receipt() != null && alert.receipt().threshold() != null) {
            facts.put("Threshold", alert.receipt().threshold().toPlainString());
        } else if (alert.rule().threshold() != null) {
            facts.put("Threshold", alert.rule().threshold().toPlainString());
        }
        facts.put("Value", alert.observedValue().toPlainString());
        facts.put("Fired at", TIME.withZone(zone).format(alert.occurredAt()));
        return new ChatMessage(
                about + " alert", alert.message(), facts, List.of(), link(linkBase, alert), alert.occurredAt());
    }

    /** The message for {@code digest}, with one line per alert, times in its user's zone. */
    static ChatMessage of(Digest digest) {
        int count = digest.entries().size();
        String alerts = count == 1 ? "1 alert" : count + " alerts";
        String title = alerts + (digest.quietHours() ? " from your quiet hours" : " past your daily limit");
        String headline = digest.quietHours()
                ? "These alerts fired during your quiet hours and were held until they ended."
                : "These alerts fired after this channel reached its daily limit.";
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm z").withZone(digest.zone());
        List<String> lines = new ArrayList<>();
        for (Digest.Entry entry : digest.entries().subList(0, Math.min(count, MAX_LINES))) {
            AlertTriggered alert = entry.alert();
            String line = time.format(alert.occurredAt()) + " " + alert.message();
            lines.add(line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 1) + "…");
        }
        if (count > MAX_LINES) {
            lines.add("… and " + (count - MAX_LINES) + " more: every alert is in your alert history");
        }
        return new ChatMessage(
                title,
                headline,
                Map.of(),
                lines,
                null,
                digest.entries().getFirst().alert().occurredAt());
    }

    /** The title, headline, facts and lines as plain text, one per line. */
    String plainText() {
        StringBuilder text = new StringBuilder(headline);
        facts.forEach(
                (label, value) -> text.append('\n').append(label).append(": ").append(value));
        lines.forEach(line -> text.append("\n- ").append(line));
        if (link != null) {
            text.append('\n').append(link);
        }
        return text.toString();
    }

    private static String link(String linkBase, AlertTriggered alert) {
        if (linkBase == null || linkBase.isBlank()) {
            return null;
        }
        String base = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
        return base + "/alerts/" + alert.ruleId();
    }
}
