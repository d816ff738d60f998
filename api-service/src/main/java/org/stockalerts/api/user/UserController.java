package org.stockalerts.api.user;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stockalerts.api.security.Caller;
import org.stockalerts.api.security.CurrentUser;
import org.stockalerts.api.web.JsonAnswer;
import org.stockalerts.api.web.NotFoundException;
import org.stockalerts.api.web.PageResponse;
import org.stockalerts.api.web.Paging;

@RestController
@RequestMapping("/users")
@Tag(name = "Users", description = "Registration (public) and the caller's own account")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class UserController {

    private final UserAccounts accounts;
    private final UserRepository users;
    private final Paging paging;

    @PostMapping
    @Operation(summary = "Register a user; the answer carries the API key, shown only this once")
    @JsonAnswer(status = HttpStatus.CREATED, value = UserExamples.REGISTERED)
    ResponseEntity<UserDtos.RegisteredUser> register(@Valid @RequestBody UserDtos.RegisterUser request) {
        UserDtos.RegisteredUser user = accounts.register(request.name(), request.email());
        return ResponseEntity.created(URI.create("/users/" + user.id())).body(user);
    }

    @GetMapping
    @Operation(summary = "List users: all of them with the admin key, only the caller with a user key")
    @JsonAnswer(UserExamples.PAGE)
    PageResponse<UserDtos.UserView> list(
            @CurrentUser Caller caller,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        var request = paging.of(page, size, Sort.by("createdAt", "id"));
        if (caller.admin()) {
            return PageResponse.of(users.findAll(request), UserDtos.UserView::of);
        }
        List<UserDtos.UserView> self = users.findById(caller.userId()).map(UserDtos.UserView::of).stream()
                .toList();
        return new PageResponse<>(
                request.getPageNumber() == 0 ? self : List.of(),
                request.getPageNumber(),
                request.getPageSize(),
                self.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "The caller's own user")
    @JsonAnswer(UserExamples.USER)
    UserDtos.UserView get(@PathVariable UUID id, @CurrentUser Caller caller) {
        return UserDtos.UserView.of(owned(id, caller));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change the caller's name or e-mail address")
    @JsonAnswer(UserExamples.USER)
    UserDtos.UserView update(
            @PathVariable UUID id, @CurrentUser Caller caller, @Valid @RequestBody UserDtos.UpdateUser change) {
        owned(id, caller);
        return UserDtos.UserView.of(accounts.update(id, change));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete the caller's account with its portfolio, rules and channels")
    ResponseEntity<Void> delete(@PathVariable UUID id, @CurrentUser Caller caller) {
        owned(id, caller);
        accounts.delete(id);
        return ResponseEntity.noContent().build();
    }

    private UserAccount owned(UUID id, Caller caller) {
        if (!caller.owns(id)) {
            throw NotFoundException.user(id);
        }
        return users.findById(id).orElseThrow(() -> NotFoundException.user(id));
    }
}
