package org.stockalerts.common.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String CLEAR = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw4ZzJ0sZ7tQ8=";
    private static final String CONTEXT = "01936f74-5e6f-7a8b-9c0d-e1f2a3b4c5d6";

    private final SecretKey key = key(1);
    private final SecretBox box = new SecretBox(key, List.of());

    @Test
    void opensWhatItSealedAndNeverShowsTheClearValue() {
        // When a secret is sealed
        String sealed = box.seal(CLEAR, CONTEXT);

        // Then the sealed form names the key and carries no trace of the secret
        assertThat(sealed)
                .startsWith("enc1:" + key.id() + ":")
                .doesNotContain(CLEAR)
                .doesNotContain("MfKQ9r8G");
        // And it opens to the secret again
        assertThat(box.open(sealed, CONTEXT)).isEqualTo(CLEAR);
        assertThat(box.isSealedWithCurrentKey(sealed)).isTrue();
    }

    @Test
    void sealsTheSameSecretDifferentlyEachTime() {
        // A fresh random nonce per value: equal secrets are not recognisable at rest
        assertThat(box.seal(CLEAR, CONTEXT)).isNotEqualTo(box.seal(CLEAR, CONTEXT));
    }

    @Test
    void refusesAValueWithAnyByteChanged() {
        // Given a sealed value
        String sealed = box.seal(CLEAR, CONTEXT);
        String prefix = sealed.substring(0, sealed.lastIndexOf(':') + 1);
        byte[] payload = Base64.getDecoder().decode(sealed.substring(prefix.length()));

        for (int i = 0; i < payload.length; i++) {
            // When one bit of the nonce, the ciphertext or the tag is flipped
            byte[] tampered = payload.clone();
            tampered[i] ^= 0x01;
            String altered = prefix + Base64.getEncoder().encodeToString(tampered);

            // Then it does not open
            assertNotOpened(altered, CONTEXT).hasMessageContaining("does not authenticate");
        }
    }

    @Test
    void refusesAValueMovedToAnotherContext() {
        // A sealed secret copied to another channel's row does not open there
        String sealed = box.seal(CLEAR, CONTEXT);

        assertNotOpened(sealed, "another-channel").hasMessageNotContaining(CLEAR);
    }

    @Test
    void refusesAValueSealedWithAnUnknownKey() {
        // Given a value sealed with another key
        SecretBox other = new SecretBox(key(2), List.of());
        String sealed = other.seal(CLEAR, CONTEXT);

        // Then this box names the missing key id and never the secret
        assertNotOpened(sealed, CONTEXT)
                .hasMessageContaining(key(2).id())
                .hasMessageContaining("not configured")
                .hasMessageNotContaining(CLEAR);
    }

    @Test
    void refusesAWrongKeyWithTheSameIdAsTheSealingOne() {
        // Given a value whose key id is rewritten to the id of this box's key
        String sealed = new SecretBox(key(2), List.of()).seal(CLEAR, CONTEXT);
        String relabelled = sealed.replace(key(2).id(), key.id());

        // Then the wrong key does not authenticate it
        assertNotOpened(relabelled, CONTEXT).hasMessageContaining("does not authenticate");
    }

    @Test
    void opensValuesOfAnOldKeyAndSealsWithTheNewOne() {
        // Given a value sealed before a key rotation
        String before = box.seal(CLEAR, CONTEXT);

        // When the new key is current and the old one is kept as an old key
        SecretBox rotated = new SecretBox(key(2), List.of(key));

        // Then the old value still opens, is not sealed with the current key, and new values use the new key
        assertThat(rotated.open(before, CONTEXT)).isEqualTo(CLEAR);
        assertThat(rotated.isSealedWithCurrentKey(before)).isFalse();
        assertThat(rotated.seal(CLEAR, CONTEXT)).startsWith("enc1:" + key(2).id() + ":");
    }

    @Test
    void refusesWhatIsNotSealed() {
        assertThat(SecretBox.isSealed(CLEAR)).isFalse();
        assertNotOpened(CLEAR, CONTEXT).hasMessage("the value is not sealed");
        assertNotOpened("enc1:" + key.id() + ":!!", CONTEXT).hasMessage("the sealed value is not base64");
        assertNotOpened("enc1:" + key.id() + ":AAAA", CONTEXT).hasMessage("the sealed value is too short");
    }

    @Test
    void settingsRefuseAMissingOrMalformedKeyWithoutQuotingIt() {
        assertThatThrownBy(() -> new SecretsSettings("", List.of()).box())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STOCKALERTS_SECRETS_KEY (stockalerts.secrets.key) is not set");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new SecretsSettings(shortKey, List.of()).box())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be 32 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> new SecretsSettings(SecretsSettings.DEVELOPMENT_KEY, List.of("not base64!")).box())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STOCKALERTS_SECRETS_OLD_KEYS");
    }

    @Test
    void settingsKnowTheDevelopmentKey() {
        assertThat(new SecretsSettings(SecretsSettings.DEVELOPMENT_KEY, List.of()).developmentKey())
                .isTrue();
        assertThat(new SecretsSettings(encoded(3), List.of()).developmentKey()).isFalse();
    }

    private static SecretKey key(int seed) {
        return SecretKey.fromBase64(encoded(seed), "test key");
    }

    private static String encoded(int seed) {
        byte[] bytes = new byte[SecretKey.KEY_BYTES];
        Arrays.fill(bytes, (byte) seed);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Asserts that {@code sealed} does not open in {@code context}, and answers the failure for more checks. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertNotOpened(String sealed, String context) {
        return assertThatThrownBy(() -> box.open(sealed, context)).isInstanceOf(SecretBoxException.class);
    }
}
