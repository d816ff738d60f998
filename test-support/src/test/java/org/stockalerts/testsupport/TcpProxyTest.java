package org.stockalerts.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void startEchoServerBehindAProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(this::echoEveryConnection);
        proxy = TcpProxy.to("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void forwardsBothWaysOnALoopbackPortOfItsOwn() throws IOException {
        // Given a client connected through the proxy
        try (Socket client = connect()) {
            // When it sends a line, Then the echo comes back through the proxy
            assertThat(roundTrip(client, "hello")).isEqualTo("hello");
        }
        assertThat(proxy.host()).isEqualTo("127.0.0.1");
        assertThat(proxy.port()).isNotEqualTo(echo.getLocalPort());
        assertThat(proxy.acceptedConnections()).isEqualTo(1);
    }

    @Test
    void aBlackholeAcceptsButForwardsNothingUntilHealedAndThenLosesNothing() throws IOException {
        // Given a connection made before and one made while the proxy is a blackhole
        try (Socket before = connect()) {
            assertThat(roundTrip(before, "warm")).isEqualTo("warm");
            proxy.blackhole();
            try (Socket during = connect()) {
                // When both send
                send(before, "one");
                send(during, "two");

                // Then no answer comes while the hole holds them
                before.setSoTimeout(500);
                during.setSoTimeout(500);
                assertThatThrownBy(() -> before.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
                assertThatThrownBy(() -> during.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

                // And once healed, what was sent arrives intact
                proxy.heal();
                before.setSoTimeout((int) WAIT.toMillis());
                during.setSoTimeout((int) WAIT.toMillis());
                assertThat(receive(before, 3)).isEqualTo("one");
                assertThat(receive(during, 3)).isEqualTo("two");
            }
        }
    }

    @Test
    void aCutClosesEveryConnectionAndRefusesNewOnesUntilHealed() throws IOException {
        // Given an open connection
        try (Socket before = connect()) {
            assertThat(roundTrip(before, "warm")).isEqualTo("warm");

            // When the proxy cuts
            proxy.cut();

            // Then the connection is closed: the client reads its end
            before.setSoTimeout((int) WAIT.toMillis());
            assertThat(readOrClosed(before)).isEqualTo(-1);
            // And a new one is refused
            assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class);
        }
        assertThat(proxy.mode()).isEqualTo(TcpProxy.Mode.CUT);

        // When healed, Then the same port forwards again
        proxy.heal();
        try (Socket after = connect()) {
            assertThat(roundTrip(after, "back")).isEqualTo("back");
        }
    }

    @Test
    void addedLatencyDelaysEachChunkAndHealingRemovesIt() throws IOException {
        // Given a proxy that delays each chunk by 300 ms (once up, once down)
        proxy.latency(Duration.ofMillis(300));
        try (Socket client = connect()) {
            // When a line makes the round trip
            long start = System.nanoTime();
            assertThat(roundTrip(client, "slow")).isEqualTo("slow");

            // Then it took at least both delays
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
        proxy.heal();
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "fast")).isEqualTo("fast");
        }
    }

    @Test
    void whatIsSentAfterHealingNeverOvertakesWhatTheLatencyStillHolds() throws IOException, InterruptedException {
        // Given a chunk held by the added latency
        proxy.latency(Duration.ofMillis(500));
        try (Socket client = connect()) {
            send(client, "first");
            // time for the proxy to read it as a chunk of its own; should it not have, both go as one chunk and
            // the order holds anyway, so the pause can make the case happen but never fail the test
            Thread.sleep(100);

            // When the proxy heals and the next chunk is sent while the first still waits for its due time
            proxy.heal();
            send(client, "second");

            // Then the echo has them in the order they were sent
            assertThat(receive(client, "firstsecond".length())).isEqualTo("firstsecond");
        }
    }

    @Test
    void underLatencyALargePayloadArrivesIntactAndInOrder() throws IOException {
        // Given a proxy that delays each chunk, and a payload of many chunks
        proxy.latency(Duration.ofMillis(50));
        byte[] payload = new byte[1024 * 1024];
        new java.util.Random(7).nextBytes(payload);
        try (Socket client = connect()) {
            // When it is sent through in one go, while the echo comes back
            Thread.ofPlatform().daemon().start(() -> sendQuietly(client, payload));

            // Then every byte comes back, in order
            assertThat(client.getInputStream().readNBytes(payload.length)).isEqualTo(payload);
        }
    }

    @Test
    void closingStopsForwardingForGood() throws IOException {
        // Given a closed proxy
        proxy.close();

        // When healed, Then it still refuses
        proxy.heal();
        assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class);
        await().atMost(WAIT).until(() -> proxy.openConnections() == 0);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(proxy.host(), proxy.port());
        socket.setSoTimeout((int) WAIT.toMillis());
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        send(socket, text);
        return receive(socket, text.length());
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sendQuietly(Socket socket, byte[] bytes) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // the test fails on what came back
        }
    }

    private static String receive(Socket socket, int length) throws IOException {
        byte[] bytes = socket.getInputStream().readNBytes(length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The next byte, or -1 when the connection was closed or reset. */
    private static int readOrClosed(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read();
        } catch (java.net.SocketException e) {
            return -1;
        }
    }

    private void echoEveryConnection() {
        while (!echo.isClosed()) {
            try {
                Socket connection = echo.accept();
                Thread.ofPlatform().daemon().start(() -> echo(connection));
            } catch (IOException e) {
                // closed after the test
            }
        }
    }

    private static void echo(Socket connection) {
        try (connection;
                InputStream in = connection.getInputStream();
                OutputStream out = connection.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the proxy closed the connection
        }
    }
}
