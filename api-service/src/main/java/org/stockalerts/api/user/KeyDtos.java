package org.stockalerts.api.user;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.stockalerts.api.security.ApiKey;

/** Request and response bodies of the key routes. Neither the key nor its hash is ever listed. */
final class KeyDtos {

    private KeyDtos() {}

    /** POST /users/{id}/keys body, optional: a name to tell the key apart in the list. */
    @Schema(example = "{\"name\": \"laptop\"}")
    record NewKey(
            @Pattern(regexp = ".*\\S.*") @Size(max = 100) String name) {}

    /** A key as listed: what identifies it, never the key. */
    record KeyView(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {

        static KeyView of(ApiKey key) {
            return new KeyView(key.id(), key.name(), key.prefix(), key.createdAt(), key.lastUsedAt());
        }
    }

    /** The answer to a key's creation: the only time the key is ever shown. */
    record CreatedKey(UUID id, String name, String prefix, Instant createdAt, String apiKey) {

        static CreatedKey of(ApiKey key, String apiKey) {
            return new CreatedKey(key.id(), key.name(), key.prefix(), key.createdAt(), apiKey);
        }
    }
}
