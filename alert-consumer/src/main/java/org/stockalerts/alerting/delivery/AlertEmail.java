package org.stockalerts.alerting.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;
import org.stockalerts.common.event.AlertReceipt;
import org.stockalerts.common.event.AlertTriggered;

/**
 * The e-mail for a fired alert: a subject that says what happened, and the same content as plain
 * text and as HTML (user-supplied text escaped): the condition, the value, and the engine's receipt (the level, the
 * value before, the tick's source, when it was evaluated, the rule's revision and trigger state).
 */
public record AlertEmail(String subject, String text, String html) {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** Renders the e-mail for {@code alert}. */
    public static AlertEmail of(AlertTriggered alert) {
        String about = alert.symbol() == null ? "Portfolio" : alert.symbol().value();
        String subject = "Stock alert: " + about + " - " + alert.message();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Condition", alert.rule().condition().name());
        rows.put("Observed value", alert.observedValue().toPlainString());
        rows.put("Observed at", TIME.format(alert.observedAt()));
        if (alert.receipt() != null) {
            receipt(alert.receipt(), rows);
        }
        rows.put("Alert id", alert.alertId().toString());
        rows.put("Rule id", alert.ruleId().toString());
        StringBuilder text = new StringBuilder(alert.message()).append("\n\n");
        StringBuilder html = new StringBuilder("<html><body>")
                .append("<h2>")
                .append(escape(about))
                .append("</h2>")
                .append("<p><strong>")
                .append(escape(alert.message()))
                .append("</strong></p><table>");
        rows.forEach((label, value) -> {
            text.append(label).append(": ").append(value).append('\n');
            html.append(row(label, value));
        });
        html.append("</table></body></html>");
        return new AlertEmail(subject, text.toString(), html.toString());
    }

    /**
     * Renders the e-mail for {@code digest}: one line per alert (when it fired, in the user's zone, what and at which
     * value), in the order they fired.
     */
    public static AlertEmail digest(Digest digest) {
        int count = digest.entries().size();
        String alerts = count == 1 ? "1 alert" : count + " alerts";
        String subject =
                "Stock alerts: " + alerts + (digest.quietHours() ? " from your quiet hours" : " past your daily limit");
        String intro = digest.quietHours()
                ? "These alerts fired during your quiet hours and were held until they ended."
                : "These alerts fired after this channel reached its daily limit; they are collected into one message"
                        + " an hour until the day ends.";
        DateTimeFormatter local =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(digest.zone());
        StringBuilder text = new StringBuilder(intro).append("\n\n");
        StringBuilder html = new StringBuilder("<html><body><h2>")
                .append(escape(alerts))
                .append("</h2><p>")
                .append(escape(intro))
                .append("</p><table><tr><th align=\"left\">Fired at</th><th align=\"left\">Symbol</th>")
                .append("<th align=\"left\">Alert</th><th align=\"left\">Observed value</th>")
                .append("<th align=\"left\">Alert id</th></tr>");
        for (Digest.Entry entry : digest.entries()) {
            AlertTriggered alert = entry.alert();
            String about = alert.symbol() == null ? "Portfolio" : alert.symbol().value();
            String[] cells = {
                local.format(alert.occurredAt()),
                about,
                alert.message(),
                alert.observedValue().toPlainString(),
                alert.alertId().toString()
            };
            text.append(String.join(" | ", cells)).append('\n');
            html.append("<tr>");
            for (String cell : cells) {
                html.append("<td>").append(escape(cell)).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table></body></html>");
        return new AlertEmail(subject, text.toString(), html.toString());
    }

    /** Renders the e-mail for {@code notice}: its title as the subject, its text as the body. */
    public static AlertEmail notice(Notice notice) {
        return new AlertEmail(
                notice.title(), notice.text() + "\n", "<html><body><p>" + escape(notice.text()) + "</p></body></html>");
    }

    private static void receipt(AlertReceipt receipt, Map<String, String> rows) {
        putIf(rows, "Threshold", receipt.threshold());
        putIf(rows, "Move (%)", receipt.percent());
        if (receipt.signal() != null) {
            rows.put("Signal", receipt.signal().name());
        }
        putIf(rows, "Previous value", receipt.previousValue());
        putIf(rows, "Measured from", receipt.referencePrice());
        if (receipt.source() != null) {
            rows.put("Source", receipt.source().wireName());
        }
        rows.put("Evaluated at", TIME.format(receipt.evaluatedAt()));
        if (receipt.latencyMillis() != null) {
            rows.put("Tick to alert", receipt.latencyMillis() + " ms");
        }
        rows.put("Rule revision", Long.toString(receipt.ruleRevision()));
        rows.put("Trigger state", state(receipt.before()) + " -> " + state(receipt.after()));
        if (receipt.catchUp()) {
            rows.put(
                    "Catch-up",
                    "yes: the price feed was blind when this price traded (about "
                            + TIME.format(receipt.observedAt())
                            + "); it was caught up when the feed came back");
        }
    }

    private static String state(AlertReceipt.TriggerState state) {
        Instant last = state.lastFiredAt();
        return (state.armed() ? "armed" : "not armed")
                + (last == null ? "" : " (last fired " + TIME.format(last) + ")");
    }

    private static void putIf(Map<String, String> rows, String label, BigDecimal value) {
        if (value != null) {
            rows.put(label, value.toPlainString());
        }
    }

    private static String row(String label, String value) {
        return "<tr><th align=\"left\">" + escape(label) + "</th><td>" + escape(value) + "</td></tr>";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
