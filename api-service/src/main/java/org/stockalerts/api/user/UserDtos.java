package org.stockalerts.api.user;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of the user routes. */
public final class UserDtos {

    private UserDtos() {}

    /**
     * POST /users body; the seed import validates the users it registers with it too. Keys match in any
     * letter case, so the Go system's {@code Name} and {@code Email} are accepted.
     */
    @Schema(example = "{\"name\": \"Ada Lovelace\", \"email\": \"ada@example.com\"}")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
    public record RegisterUser(
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 320) String email) {}

    /** PATCH body: absent fields stay as they are; an empty e-mail removes it. */
    @Schema(example = "{\"name\": \"Ada King\"}")
    record UpdateUser(
            @Pattern(regexp = ".*\\S.*") @Size(max = 200) String name,
            @Email @Size(max = 320) String email) {}

    record UserView(UUID id, String name, String email, Instant createdAt, Instant updatedAt) {

        static UserView of(UserAccount user) {
            return new UserView(user.id(), user.name(), user.email(), user.createdAt(), user.updatedAt());
        }
    }

    /** The answer to a registration: the only time the API key is ever shown. */
    public record RegisteredUser(UUID id, String name, String email, Instant createdAt, String apiKey) {}
}
