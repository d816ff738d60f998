package org.stockalerts.alerting.delivery;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.web.util.HtmlUtils;
import org.stockalerts.common.event.AlertTriggered;

/**
 * The e-mail for a fired alert: a subject that says what happened, and the same content as plain
 * text and as HTML (user-supplied text escaped).
 */
public record AlertEmail(String subject, String text, String html) {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** Renders the e-mail for {@code alert}. */
    public static AlertEmail of(AlertTriggered alert) {
        String about = alert.symbol() == null ? "Portfolio" : alert.symbol().value();
        String subject = "Stock alert: " + about + " - " + alert.message();
        String observedAt = TIME.format(alert.observedAt());
        String condition = alert.rule().condition().name();
        String value = alert.observedValue().toPlainString();
        String text = alert.message() + "\n\n"
                + "Condition: " + condition + "\n"
                + "Observed value: " + value + "\n"
                + "Observed at: " + observedAt + "\n"
                + "Alert id: " + alert.alertId() + "\n"
                + "Rule id: " + alert.ruleId() + "\n";
        String html = "<html><body>"
                + "<h2>" + escape(about) + "</h2>"
                + "<p><strong>" + escape(alert.message()) + "</strong></p>"
                + "<table>"
                + row("Condition", condition)
                + row("Observed value", value)
                + row("Observed at", observedAt)
                + row("Alert id", alert.alertId().toString())
                + row("Rule id", alert.ruleId().toString())
                + "</table></body></html>";
        return new AlertEmail(subject, text, html);
    }

    private static String row(String label, String value) {
        return "<tr><th align=\"left\">" + escape(label) + "</th><td>" + escape(value) + "</td></tr>";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
