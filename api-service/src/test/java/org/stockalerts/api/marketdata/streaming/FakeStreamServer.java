package org.stockalerts.api.marketdata.streaming;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A local stand-in for a provider's WebSocket server (OkHttp's MockWebServer upgrading each connection): the test
 * takes each connection the provider opens, reads what the provider sent on it and scripts the server's frames, pings
 * (OkHttp's own), silence and closes.
 */
final class FakeStreamServer implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    /** One connection, the server's side. */
    static final class Side extends WebSocketListener {

        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final Consumer<Side> onOpen;
        private volatile WebSocket socket;
        volatile RecordedRequest request;

        Side(Consumer<Side> onOpen) {
            this.onOpen = onOpen;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
            onOpen.accept(this);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            received.add(text);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }

        void send(String frame) {
            socket.send(frame);
        }

        void close(int code, String reason) {
            socket.close(code, reason);
        }

        /** Cuts the connection without a close frame, as a crashed server would. */
        void drop() {
            socket.cancel();
        }

        /** The next frame the provider sent, waiting for it. */
        String next() throws InterruptedException {
            String frame = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("the provider sent nothing within " + WAIT);
            }
            return frame;
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final BlockingQueue<Side> connections = new LinkedBlockingQueue<>();

    /** A server that accepts {@code connections} connections, greeting each with {@code onOpen}. */
    FakeStreamServer(int connections, Consumer<Side> onOpen) throws IOException {
        for (int i = 0; i < connections; i++) {
            Side side = new Side(side2 -> {
                this.connections.add(side2);
                onOpen.accept(side2);
            });
            server.enqueue(new MockResponse.Builder().webSocketUpgrade(side).build());
        }
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    /** The server's ws:// address with {@code path}. */
    String url(String path) {
        return "ws://127.0.0.1:" + server.getPort() + path;
    }

    /** The next connection the provider opened, waiting for it. */
    Side nextConnection() throws InterruptedException {
        Side side = connections.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (side == null) {
            throw new AssertionError("the provider opened no connection within " + WAIT);
        }
        return side;
    }

    /** The HTTP request that opened the next connection (its URL: the token's query parameter). */
    RecordedRequest takeRequest() throws InterruptedException {
        return server.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** How many connections the provider opened so far. */
    int connectionCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() {
        server.close();
    }
}
