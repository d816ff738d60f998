package org.stockalerts.faults;

import java.net.URI;
import org.stockalerts.testsupport.TcpProxy;

/**
 * Where a PostgreSQL JDBC URL points ({@code jdbc:postgresql://host[:port]/database[?…]}), and the same
 * URL pointed somewhere else: scenario C6 puts a {@link TcpProxy} between the services and the shared
 * PostgreSQL, which must never be stopped, and cuts the proxy instead.
 */
record DatabaseAddress(String host, int port) {

    private static final String PREFIX = "jdbc:postgresql://";
    private static final int DEFAULT_PORT = 5432;

    static DatabaseAddress of(String jdbcUrl) {
        URI uri = uri(jdbcUrl);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("not one host: " + jdbcUrl);
        }
        return new DatabaseAddress(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort());
    }

    /** {@code jdbcUrl} with its host and port replaced, database and parameters kept. */
    static String through(String jdbcUrl, String host, int port) {
        URI uri = uri(jdbcUrl);
        String rest = jdbcUrl.substring(PREFIX.length() + uri.getRawAuthority().length());
        return PREFIX + host + ":" + port + rest;
    }

    /** A proxy forwarding to the server {@code jdbcUrl} names. */
    static TcpProxy proxyTo(String jdbcUrl) {
        DatabaseAddress target = of(jdbcUrl);
        return TcpProxy.to(target.host(), target.port());
    }

    private static URI uri(String jdbcUrl) {
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }
}
