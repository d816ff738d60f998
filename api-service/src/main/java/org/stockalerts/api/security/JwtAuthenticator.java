package org.stockalerts.api.security;

import com.nimbusds.jose.KeySourceException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Authenticates a JWT bearer token. Spring Security's decoder, which Spring Boot builds from
 * {@code spring.security.oauth2.resourceserver.jwt.*}, checks the signature against the issuer's keys, the
 * algorithm ({@code none} never passes), the expiry, the type ({@link SecurityConfiguration}'s {@code jwtTypes}), the
 * issuer (Boot's issuer validator, which exists only when {@code issuer-uri} is set: {@link SecurityConfiguration}
 * refuses to start without it) and the audiences when set; then the configured claim names the user within the
 * issuer, and the first token of an issuer and subject creates the user.
 */
class JwtAuthenticator {

    /** The compact form of a signed JWT: three base64url parts (an unsigned one has an empty third part). */
    private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private static final int MAX_SUBJECT_LENGTH = 255;
    private static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_REASON_LENGTH = 200;

    private final JwtDecoder decoder;
    private final String userClaim;
    private final String issuer;
    private final FederatedUsers users;

    /**
     * @param issuer the configured issuer ({@code issuer-uri}): the only {@code iss} accepted, and the issuer half of
     *     every user's key
     */
    JwtAuthenticator(JwtDecoder decoder, JwtSettings settings, String issuer, FederatedUsers users) {
        this.decoder = decoder;
        this.userClaim = settings.userClaim();
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.users = users;
    }

    /** Whether a bearer credential is a JWT rather than an API key (whose form has no dot). */
    static boolean looksLikeJwt(String credential) {
        return COMPACT.matcher(credential).matches();
    }

    /**
     * The user the token names.
     *
     * @throws TokenRefusedException when the token is not valid or names no user
     * @throws IssuerUnreachableException when the issuer's keys or discovery document cannot be fetched
     */
    Caller authenticate(String token) {
        Jwt jwt = decode(token);
        // the decoder's issuer validator checks this already; a decoder built without one must not widen the key
        if (!issuer.equals(jwt.getClaimAsString(JwtClaimNames.ISS))) {
            throw new TokenRefusedException("the token's iss claim is not the configured issuer");
        }
        Object claim = jwt.getClaims().get(userClaim);
        String subject = claim instanceof String || claim instanceof Number ? claim.toString() : null;
        if (!plain(subject, MAX_SUBJECT_LENGTH)) {
            throw new TokenRefusedException("the token's " + userClaim + " claim does not name a user");
        }
        return Caller.user(users.userOf(new FederatedIdentity(issuer, subject, nameOf(jwt, subject))));
    }

    private Jwt decode(String token) {
        try {
            return decoder.decode(token);
        } catch (JwtValidationException invalid) {
            throw new TokenRefusedException(invalid.getErrors().stream()
                    .map(error -> error.getDescription())
                    .collect(Collectors.joining("; ")));
        } catch (JwtDecoderInitializationException unreachable) {
            throw new IssuerUnreachableException(unreachable);
        } catch (JwtException refused) {
            if (causedByKeySource(refused)) {
                throw new IssuerUnreachableException(refused);
            }
            // a bad signature, an algorithm not accepted (none included), a malformed token
            throw new TokenRefusedException("the token's signature, algorithm or form is not accepted");
        }
    }

    private static boolean causedByKeySource(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof KeySourceException) {
                return true;
            }
        }
        return false;
    }

    private static String nameOf(Jwt jwt, String subject) {
        String name = Optional.ofNullable(jwt.getClaimAsString("name"))
                .filter(text -> !text.isBlank())
                .or(() -> Optional.ofNullable(jwt.getClaimAsString("preferred_username")))
                .filter(text -> !text.isBlank())
                .orElse(subject)
                .replaceAll("\\p{Cntrl}", " ")
                .strip();
        if (name.isEmpty()) {
            return subject;
        }
        return name.codePointCount(0, name.length()) <= MAX_NAME_LENGTH
                ? name
                : name.substring(0, name.offsetByCodePoints(0, MAX_NAME_LENGTH));
    }

    /** Non-blank, at most {@code maxLength} characters, no control character (PostgreSQL refuses NUL in text). */
    private static boolean plain(String value, int maxLength) {
        return value != null
                && !value.isBlank()
                && value.codePointCount(0, value.length()) <= maxLength
                && value.chars().noneMatch(Character::isISOControl);
    }

    /** A token that is refused: the reason goes to the client, in the problem detail and in WWW-Authenticate. */
    static final class TokenRefusedException extends RuntimeException {

        TokenRefusedException(String reason) {
            super(printable(reason), null, false, false);
        }

        /** RFC 6750's error_description allows printable ASCII but {@code "} and {@code \}. */
        private static String printable(String reason) {
            if (reason == null || reason.isBlank()) {
                return "the token is not valid";
            }
            String text = reason.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "?");
            return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH);
        }
    }

    /** The issuer's keys cannot be fetched now: the server's condition, not the client's token. */
    static final class IssuerUnreachableException extends RuntimeException {

        IssuerUnreachableException(Throwable cause) {
            super("the token issuer's keys cannot be fetched", cause);
        }
    }
}
