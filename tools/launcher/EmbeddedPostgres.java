import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * PostgreSQL for the launcher (./stock-alerts) on a machine that has none: zonky's embedded PostgreSQL binaries,
 * run as this (non-root) user with its data kept in the given folder, on 127.0.0.1 at the given port, until this
 * process is told to stop (SIGTERM), which stops PostgreSQL cleanly. Run as a single-file program with the jars
 * of tools/launcher/pom.xml on the class path:
 *
 * <pre>java -cp '.data/lib/*' tools/launcher/EmbeddedPostgres.java .data/postgres 5432</pre>
 *
 * PostgreSQL refuses to run as root, so the launcher never starts this as root.
 */
public final class EmbeddedPostgres {
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: EmbeddedPostgres <data folder> <port>");
            System.exit(2);
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(data);
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres =
                io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
                System.out.println("embedded PostgreSQL stopped");
            } catch (IOException e) {
                System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }));
        System.out.println("embedded PostgreSQL ready on 127.0.0.1:" + port + ", data in " + data);
        stopped.await();
    }
}
