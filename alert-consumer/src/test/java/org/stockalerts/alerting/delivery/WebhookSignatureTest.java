package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // The reference example of the Standard Webhooks specification and its libraries.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsLikeTheStandardWebhooksReferenceSoAnyLibraryVerifiesIt() {
        // When the reference message is signed with the reference secret
        String signature = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);

        // Then the signature is the one the specification's libraries produce
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsIdTimestampAndBodySoChangingAnyOfThemChangesTheSignature() {
        // Given the reference signature
        String reference = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);

        // When the id, the timestamp or the body differ
        String otherId = WebhookSignature.sign(SECRET, ID + "x", TIMESTAMP, BODY);
        String otherTime = WebhookSignature.sign(SECRET, ID, TIMESTAMP + 1, BODY);
        String otherBody =
                WebhookSignature.sign(SECRET, ID, TIMESTAMP, "{\"test\": 1}".getBytes(StandardCharsets.UTF_8));

        // Then every signature differs from the reference
        assertThat(otherId).isNotEqualTo(reference);
        assertThat(otherTime).isNotEqualTo(reference);
        assertThat(otherBody).isNotEqualTo(reference);
    }

    @Test
    void refusesASecretThatIsNotInWhsecFormat() {
        // When the secret lacks the prefix or is not base64
        // Then signing is refused for good, without the secret in the message
        assertThatThrownBy(() -> WebhookSignature.sign("plain-secret", ID, TIMESTAMP, BODY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("plain-secret");
        assertThatThrownBy(() -> WebhookSignature.sign("whsec_not*base64", ID, TIMESTAMP, BODY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("not*base64");
    }
}
