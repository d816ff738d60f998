package org.stockalerts.api.seedimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The file the new users' API keys go to, one tab-separated line per user: seed id, new id,
 * e-mail (empty when none), API key. Created with mode 0600 (an existing file is set to it) and
 * appended to, never truncated: a key is shown only once, so a later run must not lose an earlier
 * run's keys. Each line is forced to disk before the user's import commits.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class KeysFile implements AutoCloseable {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path path;
    private final FileChannel channel;
    private int written;

    static KeysFile open(Path path) {
        try {
            FileChannel channel;
            if (Files.exists(path)) {
                Files.setPosixFilePermissions(path, OWNER_ONLY);
                channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            } else {
                channel = FileChannel.open(
                        path,
                        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            return new KeysFile(path, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the keys file " + path + ": " + e.getMessage(), e);
        }
    }

    void write(long seedId, UUID userId, String email, String apiKey) {
        String line = seedId + "\t" + userId + "\t" + (email == null ? "" : email) + "\t" + apiKey + "\n";
        try {
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the keys file " + path + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    /** Lines written by this run. */
    int written() {
        return written;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
