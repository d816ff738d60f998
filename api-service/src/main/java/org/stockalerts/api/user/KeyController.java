package org.stockalerts.api.user;

import static org.stockalerts.api.security.Ownership.requireSelfOrAdmin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stockalerts.api.security.Caller;
import org.stockalerts.api.security.CurrentUser;
import org.stockalerts.api.web.JsonAnswer;

@RestController
@RequestMapping("/users/{userId}/keys")
@Tag(name = "API keys", description = "The user's API keys: create, list, revoke (the user or the admin key)")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class KeyController {

    private final UserKeys keys;

    @PostMapping
    @Operation(
            summary = "Create an API key; the answer carries the key, shown only this once",
            description = "At most stockalerts.api.quotas.keys keys per user (409 beyond).")
    @JsonAnswer(status = HttpStatus.CREATED, value = KeyExamples.CREATED)
    ResponseEntity<KeyDtos.CreatedKey> create(
            @PathVariable UUID userId,
            @CurrentUser Caller caller,
            @Valid @RequestBody(required = false) KeyDtos.NewKey request) {
        KeyDtos.CreatedKey key =
                keys.create(requireSelfOrAdmin(userId, caller), request == null ? null : request.name());
        return ResponseEntity.created(URI.create("/users/" + userId + "/keys/" + key.id()))
                .body(key);
    }

    @GetMapping
    @Operation(summary = "The user's keys, oldest first: id, name, prefix and times, never the key")
    @JsonAnswer(KeyExamples.KEYS)
    List<KeyDtos.KeyView> list(@PathVariable UUID userId, @CurrentUser Caller caller) {
        return keys.list(requireSelfOrAdmin(userId, caller)).stream()
                .map(KeyDtos.KeyView::of)
                .toList();
    }

    @DeleteMapping("/{keyId}")
    @Operation(
            summary = "Revoke a key: it is refused (401) from the next request on",
            description = "The user's last key cannot be revoked (409, rule \"at least one key\").")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(
            responseCode = "409",
            description = "The user's last key",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(KeyExamples.LAST_KEY)))
    ResponseEntity<Void> revoke(@PathVariable UUID userId, @PathVariable UUID keyId, @CurrentUser Caller caller) {
        keys.revoke(requireSelfOrAdmin(userId, caller), keyId);
        return ResponseEntity.noContent().build();
    }
}
