package org.stockalerts.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A TCP proxy for fault injection: listens on 127.0.0.1 at a free port and forwards every connection
 * to a target, until told to fail. {@link #blackhole()} holds connections (new ones are accepted, and
 * nothing flows either way: a peer sees a silent server); {@link #cut()} closes every connection and
 * refuses new ones; {@link #latency(Duration)} delays every chunk forwarded (a delay, not a bandwidth
 * limit: chunks in flight overlap, as on a long link); {@link #heal()} forwards
 * normally again (held bytes then flow, unharmed). Point a client at {@link #host()}:{@link #port()}.
 */
public final class TcpProxy implements AutoCloseable {

    /** What the proxy does with connections. */
    public enum Mode {
        PASS,
        BLACKHOLE,
        CUT
    }

    private static final int BUFFER = 16 * 1024;
    private static final int QUEUED_CHUNKS = 256;
    private static final Duration ACCEPTOR_EXIT = Duration.ofSeconds(10);

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Object gate = new Object();
    private volatile Mode mode = Mode.PASS;
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean closed;
    private ServerSocket listener;
    private volatile Thread acceptor;

    private TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = bind(0);
        this.port = listener.getLocalPort();
        startAccepting(listener);
    }

    /** A proxy to {@code targetHost}:{@code targetPort}, forwarding. */
    public static TcpProxy to(String targetHost, int targetPort) {
        return new TcpProxy(targetHost, targetPort);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public Mode mode() {
        return mode;
    }

    /** Connections accepted since the proxy started (a refused one is not accepted). */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Connections accepted and not yet closed. */
    public int openConnections() {
        return sockets.size() / 2;
    }

    /** Holds every connection, old and new: nothing is forwarded either way until {@link #heal()}. */
    public void blackhole() {
        openListener();
        mode = Mode.BLACKHOLE;
    }

    /** Closes every connection and refuses new ones until {@link #heal()}. */
    public void cut() {
        synchronized (gate) {
            mode = Mode.CUT;
            closeQuietly(listener);
            sockets.forEach(TcpProxy::closeQuietly);
            gate.notifyAll();
        }
        awaitAcceptorGone();
    }

    /** Delays each chunk forwarded, either way, by {@code perChunk} (zero: none), chunks read from now on. */
    public void latency(Duration perChunk) {
        latency = perChunk;
    }

    /** Forwards normally again, on the same port: held connections resume, no latency. */
    public void heal() {
        latency = Duration.ZERO;
        openListener();
        synchronized (gate) {
            mode = Mode.PASS;
            gate.notifyAll();
        }
    }

    @Override
    public void close() {
        closed = true;
        cut();
    }

    private void openListener() {
        synchronized (gate) {
            if (listener.isClosed() && !closed) {
                listener = bind(port);
                startAccepting(listener);
            }
        }
    }

    /** The listening socket is released only once the thread blocked in its accept has left it. */
    private void awaitAcceptorGone() {
        try {
            acceptor.join(ACCEPTOR_EXIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on 127.0.0.1:" + port, e);
        }
    }

    private void startAccepting(ServerSocket server) {
        acceptor = Thread.ofPlatform().daemon().name("tcp-proxy-accept-" + port).start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    accepted.incrementAndGet();
                    Thread.ofPlatform()
                            .daemon()
                            .name("tcp-proxy-connect-" + port)
                            .start(() -> connect(client));
                } catch (IOException e) {
                    // the listener was closed by cut() or close()
                }
            }
        });
    }

    private void connect(Socket client) {
        sockets.add(client);
        Socket upstream = new Socket();
        sockets.add(upstream);
        try {
            // a connection accepted while blackholed reaches the target only once healed
            if (!awaitForwarding()) {
                throw new SocketException("cut");
            }
            upstream.connect(new InetSocketAddress(targetHost, targetPort));
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            pump(upstream, client, "down");
            pump(client, upstream, "up");
        } catch (IOException e) {
            closeBoth(client, upstream);
        }
    }

    /**
     * Forwards {@code from} to {@code to}: a reader takes each chunk as it comes and stamps it with its
     * due time (now plus the latency then set), a writer sends it once due, so an added latency delays
     * every byte without limiting the throughput (a bounded queue between them keeps the backpressure).
     * With no latency set and no chunk still queued, the reader writes the chunk itself: a healthy
     * proxy then costs one thread's wake-up per chunk, not two, which on a busy machine is most of what
     * a proxy adds to a round trip (the fault suite's C7 puts every Kafka request of a service through it).
     */
    private void pump(Socket from, Socket to, String direction) {
        Direction pipe = new Direction(to);
        Thread.ofPlatform()
                .daemon()
                .name("tcp-proxy-" + direction + "-read-" + port)
                .start(() -> {
                    byte[] buffer = new byte[BUFFER];
                    try (InputStream in = from.getInputStream()) {
                        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                            if (!awaitForwarding()) {
                                break;
                            }
                            Duration delay = latency;
                            if (delay.isZero() && pipe.writeIfIdle(buffer, read)) {
                                continue;
                            }
                            long due = System.nanoTime() + delay.toNanos();
                            pipe.enqueue(new Chunk(Arrays.copyOf(buffer, read), due));
                        }
                    } catch (IOException | InterruptedException e) {
                        // closed by the peer, by cut() or close()
                    } finally {
                        pipe.enqueueQuietly(Chunk.END);
                    }
                });
        Thread.ofPlatform()
                .daemon()
                .name("tcp-proxy-" + direction + "-write-" + port)
                .start(() -> {
                    try {
                        for (Chunk chunk = pipe.take(); chunk != Chunk.END; chunk = pipe.take()) {
                            if (!awaitForwarding()) {
                                break;
                            }
                            chunk.awaitDue();
                            pipe.writeQueued(chunk);
                        }
                    } catch (IOException | InterruptedException e) {
                        // closed by the peer, by cut() or close()
                    } finally {
                        closeBoth(from, to);
                    }
                });
    }

    /**
     * One direction of a connection: the chunks waiting for their due time, and the lock under which
     * either thread writes, so that a chunk written at once never overtakes one still queued.
     */
    private static final class Direction {

        private final Socket to;
        private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        private final ReentrantLock writing = new ReentrantLock();
        /** Chunks enqueued and not yet written (guarded by {@link #writing}). */
        private int queued;

        Direction(Socket to) {
            this.to = to;
        }

        /** Writes {@code length} bytes of {@code buffer} now if no chunk waits; false if one does. */
        boolean writeIfIdle(byte[] buffer, int length) throws IOException {
            writing.lock();
            try {
                if (queued > 0) {
                    return false;
                }
                OutputStream out = to.getOutputStream();
                out.write(buffer, 0, length);
                out.flush();
                return true;
            } finally {
                writing.unlock();
            }
        }

        void enqueue(Chunk chunk) throws InterruptedException {
            writing.lock();
            try {
                queued++;
            } finally {
                writing.unlock();
            }
            TcpProxy.enqueue(queue, chunk, to);
        }

        void enqueueQuietly(Chunk chunk) {
            try {
                TcpProxy.enqueue(queue, chunk, to);
            } catch (InterruptedException e) {
                // the writer is gone with its socket
            }
        }

        Chunk take() throws InterruptedException {
            return queue.take();
        }

        void writeQueued(Chunk chunk) throws IOException {
            writing.lock();
            try {
                OutputStream out = to.getOutputStream();
                out.write(chunk.bytes());
                out.flush();
            } finally {
                queued--;
                writing.unlock();
            }
        }
    }

    /** Waits for room in the queue while the other side is still open. */
    private static void enqueue(BlockingQueue<Chunk> queue, Chunk chunk, Socket to) throws InterruptedException {
        while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
            if (to.isClosed()) {
                throw new InterruptedException("closed");
            }
        }
    }

    /** Bytes read, and when they may be written. */
    private record Chunk(byte[] bytes, long dueNanos) {

        static final Chunk END = new Chunk(new byte[0], 0);

        void awaitDue() throws InterruptedException {
            long wait = dueNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }

    /** Waits while blackholed; false once cut. */
    private boolean awaitForwarding() {
        Mode now = mode;
        if (now != Mode.BLACKHOLE) {
            // the common case answers without the lock every connection's threads would share
            return now == Mode.PASS;
        }
        synchronized (gate) {
            while (mode == Mode.BLACKHOLE) {
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return mode == Mode.PASS;
        }
    }

    private void closeBoth(Socket a, Socket b) {
        closeQuietly(a);
        closeQuietly(b);
        sockets.remove(a);
        sockets.remove(b);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
