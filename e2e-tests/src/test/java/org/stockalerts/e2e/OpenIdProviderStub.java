package org.stockalerts.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An OpenID Connect provider for the browser test, on loopback: the authorization-code flow with PKCE (S256) of one
 * public client, without a login page (every authorization request is the user {@link #SUBJECT}'s and answers at
 * once), tokens signed with an RSA key generated here, and its JWK set. It keeps every token request for a valid
 * code, with whether its PKCE verifier matched the challenge.
 */
final class OpenIdProviderStub implements AutoCloseable {

    static final String SUBJECT = "oidc-user-1";
    static final String NAME = "Olivia OpenID";
    private static final String KEY_ID = "stub-key";
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** A token request the stub answered with tokens. */
    record TokenRequest(String code, String codeVerifier, boolean verifierMatchesChallenge) {}

    private record Authorization(String redirectUri, String nonce, String challenge) {}

    private final KeyPair key = rsaKey();
    private final HttpServer server;
    private final String clientId;
    private final String audience;
    private final Map<String, Authorization> codes = new ConcurrentHashMap<>();
    private final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
    private final AtomicBoolean tamperNextState = new AtomicBoolean();
    private volatile String redirectUri;

    /** Serves the public client {@code clientId}, whose access tokens are for {@code audience}. */
    OpenIdProviderStub(String clientId, String audience) throws IOException {
        this.clientId = clientId;
        this.audience = audience;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", this::jwks);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}: the {@code iss} of its tokens. */
    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The one redirect URI the client may use (the dashboard's page). */
    void allowRedirectUri(String uri) {
        redirectUri = uri;
    }

    /** The next authorization answer carries a state other than the one it was asked with. */
    void tamperWithNextState() {
        tamperNextState.set(true);
    }

    List<TokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String issuer = issuer();
        send(exchange, 200, """
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                 "jwks_uri": "%1$s/jwks", "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"], "code_challenge_methods_supported": ["S256"]}
                """.formatted(issuer));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
        send(exchange, 200, """
                {"keys": [{"kty": "RSA", "use": "sig", "alg": "RS256", "kid": "%s", "n": "%s", "e": "%s"}]}
                """.formatted(
                        KEY_ID, unsigned(publicKey.getModulus()), unsigned(publicKey.getPublicExponent())));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        // a wrong client or redirect URI is never redirected to (RFC 6749 4.1.2.1)
        if (!clientId.equals(query.get("client_id")) || !Objects.equals(redirectUri, query.get("redirect_uri"))) {
            send(exchange, 400, "{\"error\": \"invalid_request\"}");
            return;
        }
        if (!"code".equals(query.get("response_type"))
                || !"S256".equals(query.get("code_challenge_method"))
                || query.get("code_challenge") == null
                || query.get("state") == null) {
            send(exchange, 400, "{\"error\": \"invalid_request\"}");
            return;
        }
        String code = random();
        codes.put(code, new Authorization(redirectUri, query.get("nonce"), query.get("code_challenge")));
        String state = tamperNextState.getAndSet(false) ? query.get("state") + "x" : query.get("state");
        exchange.getResponseHeaders()
                .set("Location", redirectUri + "?code=" + encode(code) + "&state=" + encode(state));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "{\"error\": \"invalid_request\"}");
            return;
        }
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Authorization authorization = body.get("code") == null ? null : codes.remove(body.get("code"));
        if (!"authorization_code".equals(body.get("grant_type"))) {
            send(exchange, 400, "{\"error\": \"unsupported_grant_type\"}");
            return;
        }
        if (authorization == null
                || !authorization.redirectUri().equals(body.get("redirect_uri"))
                || !clientId.equals(body.get("client_id"))) {
            send(exchange, 400, "{\"error\": \"invalid_grant\"}");
            return;
        }
        String verifier = body.get("code_verifier");
        boolean matches = verifier != null && authorization.challenge().equals(s256(verifier));
        tokenRequests.add(new TokenRequest(body.get("code"), verifier, matches));
        if (!matches) {
            send(exchange, 400, "{\"error\": \"invalid_grant\", \"error_description\": \"PKCE verifier\"}");
            return;
        }
        Instant now = Instant.now();
        String common = "\"iss\": \"%s\", \"sub\": \"%s\", \"iat\": %d, \"exp\": %d"
                .formatted(
                        issuer(),
                        SUBJECT,
                        now.getEpochSecond(),
                        now.plus(TOKEN_LIFETIME).getEpochSecond());
        String accessToken = sign("{%s, \"aud\": \"%s\", \"name\": \"%s\"}".formatted(common, audience, NAME));
        String idToken = sign("{%s, \"aud\": \"%s\", \"nonce\": \"%s\", \"name\": \"%s\"}"
                .formatted(common, clientId, authorization.nonce(), NAME));
        send(exchange, 200, """
                {"access_token": "%s", "token_type": "Bearer", "expires_in": %d, "id_token": "%s"}
                """.formatted(accessToken, TOKEN_LIFETIME.toSeconds(), idToken));
    }

    private String sign(String claims) {
        String header = "{\"alg\": \"RS256\", \"typ\": \"JWT\", \"kid\": \"" + KEY_ID + "\"}";
        String signingInput = base64Url(header) + "." + base64Url(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer, readable by the dashboard's page on another origin (CORS), as an issuer's endpoints are. */
    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String s256(String verifier) {
        try {
            return BASE64URL.encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String base64Url(String text) {
        return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A JWK's big-endian unsigned integer: without the sign byte {@link BigInteger#toByteArray} may lead with. */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return BASE64URL.encodeToString(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    private static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
