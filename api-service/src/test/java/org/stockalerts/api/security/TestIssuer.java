package org.stockalerts.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;

/**
 * An OpenID Connect issuer for tests: an RSA key generated here, its public JWK set served on loopback, and tokens
 * signed with it (or, to be refused, with another key under the same key id, or not at all).
 */
final class TestIssuer implements AutoCloseable {

    static final String ISSUER = "https://issuer.stockalerts.test";
    static final String AUDIENCE = "stock-alerts";
    private static final String KEY_ID = "test-key";

    private final RSAKey key = generate();
    private final RSAKey impostor = generate();
    private final HttpServer server;

    TestIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(keys);
            }
        });
        server.start();
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    /** Claims of a valid token for {@code subject}: this issuer, the API's audience, valid for five minutes. */
    static JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    /** A token for {@code subject} signed with the issuer's key, its claims changed by {@code change}. */
    String token(String subject, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(claims(subject)).build(), key);
    }

    String token(String subject) {
        return token(subject, UnaryOperator.identity());
    }

    /** A valid token for {@code subject} whose header names the type {@code typ} (e.g. RFC 9068's at+jwt). */
    String tokenOfType(String subject, String typ) {
        return sign(claims(subject).build(), key, new JOSEObjectType(typ));
    }

    /** A token whose claims are all valid, signed with a key the issuer does not publish, under its key id. */
    String forgedToken(String subject) {
        return sign(claims(subject).build(), impostor);
    }

    /** A valid set of claims with {@code alg: none}, no signature. */
    static String unsignedToken(String subject) {
        return new PlainJWT(claims(subject).build()).serialize();
    }

    private static String sign(JWTClaimsSet claims, RSAKey with) {
        return sign(claims, with, null);
    }

    private static String sign(JWTClaimsSet claims, RSAKey with, JOSEObjectType typ) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(KEY_ID)
                        .type(typ)
                        .build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(with));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
