package org.stockalerts.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScopedKeyTest {

    private static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final byte[] ANSWER = "{\"secret\": \"whsec_abc\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensWhatItSealedAndHidesItMeanwhile() {
        // Given an answer sealed under Alice's key
        ScopedKey key = ScopedKey.of(ALICE, IdempotencyKey.parse("k-1"));
        byte[] sealed = key.seal(ANSWER);

        // Then the sealed bytes do not show it, and the same user and key open it
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("whsec_abc");
        assertThat(ScopedKey.of(ALICE, IdempotencyKey.parse("k-1")).open(sealed))
                .isEqualTo(ANSWER);
    }

    @Test
    void anotherUserOrKeyCannotOpenItAndTamperingIsDetected() {
        // Given an answer sealed under Alice's key
        byte[] sealed = ScopedKey.of(ALICE, IdempotencyKey.parse("k-1")).seal(ANSWER);

        // Then Bob's same key, Alice's other key and a flipped bit all fail to open it
        assertThatThrownBy(() -> ScopedKey.of(BOB, IdempotencyKey.parse("k-1")).open(sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(
                        () -> ScopedKey.of(ALICE, IdempotencyKey.parse("k-2")).open(sealed))
                .isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(
                        () -> ScopedKey.of(ALICE, IdempotencyKey.parse("k-1")).open(sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void scopesTheLookupHashToTheUser() {
        assertThat(ScopedKey.of(ALICE, IdempotencyKey.parse("k-1")).hash())
                .hasSize(32)
                .isNotEqualTo(ScopedKey.of(BOB, IdempotencyKey.parse("k-1")).hash())
                .isEqualTo(ScopedKey.of(ALICE, IdempotencyKey.parse("\"k-1\"")).hash());
    }
}
