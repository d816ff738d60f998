package org.stockalerts.testsupport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The webhook URLs both SSRF checks (the API's at channel creation, the alert consumer's at every
 * delivery) must refuse: every spelling of loopback, the metadata address and private ranges that a
 * resolver, a router or an HTTP client might turn into an internal destination. One list, so the two
 * checks are held to the same matrix.
 */
public final class SsrfTargets {

    /** Names a DNS server could answer with an internal address; {@link #resolve} answers them so. */
    private static final Map<String, String> HOSTILE_NAMES = Map.of(
            "metadata.google.internal", "169.254.169.254",
            "localhost.", "127.0.0.1",
            "rebinding.attacker.example", "10.0.0.1");

    private SsrfTargets() {}

    /** URLs that must never be called. */
    public static List<String> refusedUrls() {
        return List.of(
                "http://127.1",
                "http://127.0.0.1:8080/hook",
                "http://2130706433",
                "http://0x7f000001",
                "http://017700000001",
                "http://[::]",
                "http://[::1]",
                "http://[::127.0.0.1]",
                "http://[::ffff:127.0.0.1]",
                "http://[::ffff:7f00:1]",
                "http://[64:ff9b::a9fe:a9fe]",
                "http://[64:ff9b:1::a9fe:a9fe]",
                "http://[2002:a9fe:a9fe::]",
                "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]",
                "http://localhost.",
                "http://localhost",
                "http://169.254.169.254/latest/meta-data/",
                "http://metadata.google.internal/computeMetadata/v1/",
                "http://rebinding.attacker.example/hook",
                "http://10.0.0.1",
                "http://172.16.0.1",
                "http://192.168.1.1",
                "http://100.64.0.1",
                "http://240.0.0.1",
                "http://255.255.255.255",
                "http://[fd00::1]",
                "http://[fe80::1]",
                "http://[ff02::1]",
                "http://0.0.0.0",
                "http://0",
                "http://example.com@127.0.0.1",
                "http://user:pass@example.com/hook",
                "http://127.0.0.1#@example.com",
                "file:///etc/passwd",
                "gopher://127.0.0.1:6379/_INFO",
                "ftp://example.com/");
    }

    /**
     * A resolver for the checks under test: the hostile names above get their internal address, every
     * other host is left to the JDK, which answers address literals without a query and a made-up
     * name with {@link UnknownHostException}.
     */
    public static InetAddress[] resolve(String host) throws UnknownHostException {
        String internal = HOSTILE_NAMES.get(host.toLowerCase(Locale.ROOT));
        return internal != null ? new InetAddress[] {InetAddress.getByName(internal)} : InetAddress.getAllByName(host);
    }
}
