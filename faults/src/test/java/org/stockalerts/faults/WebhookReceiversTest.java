package org.stockalerts.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.stockalerts.alerting.delivery.WebhookSignature;

class WebhookReceiversTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String OTHER = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    private static final byte[] BODY = "{\"type\":\"alert.triggered\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsABodySignedWithTheUsersSecret() {
        String signature = WebhookSignature.sign(SECRET, "msg_1", 1_700_000_000L, BODY);

        assertThat(WebhookReceivers.signedBy(SECRET, "msg_1", "1700000000", signature, BODY))
                .isTrue();
    }

    @Test
    void acceptsTheUsersSignatureAmongSeveralDuringARotation() {
        String signatures = WebhookSignature.signAll(java.util.List.of(OTHER, SECRET), "msg_1", 1_700_000_000L, BODY);

        assertThat(WebhookReceivers.signedBy(SECRET, "msg_1", "1700000000", signatures, BODY))
                .isTrue();
    }

    @Test
    void refusesAnotherSecretAChangedBodyOrAMissingHeader() {
        String signature = WebhookSignature.sign(OTHER, "msg_1", 1_700_000_000L, BODY);
        String good = WebhookSignature.sign(SECRET, "msg_1", 1_700_000_000L, BODY);

        assertThat(WebhookReceivers.signedBy(SECRET, "msg_1", "1700000000", signature, BODY))
                .isFalse();
        assertThat(WebhookReceivers.signedBy(
                        SECRET, "msg_1", "1700000000", good, "{}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(WebhookReceivers.signedBy(SECRET, "msg_2", "1700000000", good, BODY))
                .isFalse();
        assertThat(WebhookReceivers.signedBy(SECRET, "msg_1", null, good, BODY)).isFalse();
    }
}
