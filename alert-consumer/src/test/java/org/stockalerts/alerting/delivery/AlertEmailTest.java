package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.AlertReceipt;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.fixtures.AlertDraft;

class AlertEmailTest {

    @Test
    void saysWhatHappenedInTheSubjectAndBothBodies() {
        // Given an alert on AAPL
        AlertTriggered alert = emailAlert("AAPL rose above 200.00 (now 201.37)");

        // When its e-mail is rendered
        AlertEmail email = AlertEmail.of(alert);

        // Then the subject names the symbol and the event, and both bodies carry message and ids
        assertThat(email.subject()).isEqualTo("Stock alert: AAPL - AAPL rose above 200.00 (now 201.37)");
        assertThat(email.text())
                .contains("AAPL rose above 200.00 (now 201.37)")
                .contains("Observed value: 201.37")
                .contains(alert.alertId().toString());
        assertThat(email.html())
                .contains("<strong>AAPL rose above 200.00 (now 201.37)</strong>")
                .contains("201.37");
    }

    @Test
    void explainsWhyTheAlertFiredWithTheEnginesReceipt() {
        // Given an alert with its receipt: above 200, after 199.80, from Alpha Vantage, 38 ms after the tick
        AlertTriggered alert = AlertDraft.alert()
                .channels(ChannelType.EMAIL)
                .receipt(AlertDraft.receipt(Instant.parse("2026-03-05T15:31:07Z")))
                .build();

        // When its e-mail is rendered
        AlertEmail email = AlertEmail.of(alert);

        // Then both bodies say why it fired
        assertThat(email.text())
                .contains("Threshold: 200\n")
                .contains("Previous value: 199.80\n")
                .contains("Source: alphavantage\n")
                .contains("Evaluated at: 2026-03-05 15:31:07 UTC\n")
                .contains("Tick to alert: 38 ms\n")
                .contains("Rule revision: 3\n")
                .contains("Trigger state: armed -> not armed (last fired 2026-03-05 15:31:07 UTC)\n");
        assertThat(email.html()).contains("<th align=\"left\">Previous value</th><td>199.80</td>");
        // and a live alert says nothing of a catch-up
        assertThat(email.text()).doesNotContain("Catch-up");
    }

    @Test
    void saysWhenTheAlertIsTheCatchUpOfABlindFeed() {
        // Given the alert of a price a blind feed's gap hid, caught up when the feed came back
        AlertReceipt live = AlertDraft.receipt(Instant.parse("2026-03-05T15:31:07Z"));
        AlertReceipt caughtUp = new AlertReceipt(
                live.condition(),
                live.threshold(),
                live.percent(),
                live.reference(),
                live.windowMinutes(),
                live.signal(),
                live.observedValue(),
                live.previousValue(),
                live.referencePrice(),
                live.sourceEventId(),
                live.source(),
                live.observedAt(),
                live.evaluatedAt(),
                live.latencyMillis(),
                live.ruleRevision(),
                live.before(),
                live.after(),
                true);
        AlertTriggered alert =
                AlertDraft.alert().channels(ChannelType.EMAIL).receipt(caughtUp).build();

        // When its e-mail is rendered, Then it says so, with when the price traded
        assertThat(AlertEmail.of(alert).text())
                .contains("Catch-up: yes: the price feed was blind when this price traded (about 2026-03-05 15:31:07"
                        + " UTC)");
    }

    @Test
    void escapesTheMessageInTheHtmlBody() {
        // Given an alert whose message contains markup
        AlertTriggered alert = emailAlert("<script>x</script> & more");

        // When its e-mail is rendered
        AlertEmail email = AlertEmail.of(alert);

        // Then the HTML shows the markup as text
        assertThat(email.html())
                .contains("&lt;script&gt;x&lt;/script&gt; &amp; more")
                .doesNotContain("<script>");
        assertThat(email.text()).contains("<script>x</script> & more");
    }

    private static AlertTriggered emailAlert(String message) {
        return AlertDraft.alert().message(message).channels(ChannelType.EMAIL).build();
    }
}
