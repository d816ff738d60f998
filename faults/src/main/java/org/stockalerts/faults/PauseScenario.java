package org.stockalerts.faults;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.common.GroupState;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.e2e.ServiceProcess;
import org.stockalerts.faults.FaultSystem.Service;

/**
 * C4: a second alert-consumer instance joins the engine's and the listeners' groups; once the group is
 * stable and caught up, the first instance (the one that held the engine's tasks) is frozen with
 * {@code kill -STOP} for {@code --pause} seconds, then resumed with {@code kill -CONT}. Measures the
 * takeover — from the STOP until the other instance holds every {@code stock-prices} partition of the
 * {@code alert-engine} group and the group's lag is back to one second of ticks — and, after the CONT,
 * how long until the frozen instance is a member again; counts the frozen instance's fencing lines.
 * Target: takeover within the session timeout (the Streams consumers' 10 s,
 * {@code STOCKALERTS_KAFKA_STREAMS_SESSION_TIMEOUT}) + 15 s; no duplicate (the resumed zombie's
 * transactions are fenced).
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class PauseScenario {

    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
    static final Duration TAKEOVER_TARGET = SESSION_TIMEOUT.plusSeconds(15);
    private static final Duration JOIN = Duration.ofMinutes(10);
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final Pattern FENCING = Pattern.compile(
            "ProducerFenced|InvalidProducerEpoch|TaskMigrated|CommitFailed|fenced|zombie", Pattern.CASE_INSENSITIVE);
    private static final Pattern ERROR = Pattern.compile("\\bERROR\\b");

    private final Options options;
    private final ScenarioNotes notes;

    List<KillScenario.Kill> run(LoadedRun run) throws Exception {
        FaultSystem system = run.system();
        ServiceProcess first = system.process(Service.ALERTS);
        String group = Service.ALERTS.tickGroup;
        String ticks = Topics.STOCK_PRICES.name();
        int partitions = Topics.PARTITIONS;
        try (GroupMembers members = new GroupMembers(system.bootstrapServers());
                ConsumerLag lag = new ConsumerLag(system.bootstrapServers())) {
            Set<String> frozen = members.snapshot(group, ticks).partitions().keySet();
            ServiceProcess second = system.startSecond(Service.ALERTS);
            await("the second instance UP", JOIN, second::isUp);
            await("both instances in a stable group", JOIN, () -> {
                GroupMembers.Snapshot now = snapshot(members, group, ticks);
                return now != null
                        && now.state() == GroupState.STABLE
                        && now.partitions().size() == frozen.size() + 1;
            });
            lag.timeToCatchUp(group, ticks, options.rate(), JOIN);
            LockSupport.parkNanos(SETTLE.toNanos());
            notes.add("before the STOP: %s", members.snapshot(group, ticks));
            long logStart = Files.size(first.log());
            long secondLogStart = Files.size(second.log());
            long stopped = System.nanoTime();
            signal(first, "STOP");
            Duration held = null;
            Duration takeover = null;
            try {
                long resume = stopped + TimeUnit.SECONDS.toNanos(options.pauseSeconds());
                held = within(resume, stopped, () -> {
                    GroupMembers.Snapshot now = snapshot(members, group, ticks);
                    return now != null && now.heldWithout(frozen, partitions);
                });
                if (held != null) {
                    notes.add(
                            "the other instance held every %s partition %s after the STOP: %s",
                            ticks, ScenarioNotes.seconds(held), members.snapshot(group, ticks));
                    takeover = within(resume, stopped, () -> lagAtMost(lag, group, ticks, options.rate()));
                }
                notes.add(
                        "takeover (held and lag <= %d ticks) %s after the STOP; target %s",
                        options.rate(), ScenarioNotes.seconds(takeover), ScenarioNotes.seconds(TAKEOVER_TARGET));
                LockSupport.parkNanos(Math.max(0, resume - System.nanoTime()));
            } finally {
                signal(first, "CONT");
            }
            long resumed = System.nanoTime();
            Duration rejoined = within(resumed + JOIN.toNanos(), resumed, () -> {
                GroupMembers.Snapshot now = snapshot(members, group, ticks);
                return now != null
                        && now.state() == GroupState.STABLE
                        && now.partitions().keySet().containsAll(frozen)
                        && now.partitions().size() == frozen.size() + 1;
            });
            Duration up = system.awaitUp(Service.ALERTS, JOIN);
            notes.add(
                    "after the CONT: member of the stable group again after %s, health UP %s after that: %s",
                    ScenarioNotes.seconds(rejoined), ScenarioNotes.seconds(up), members.snapshot(group, ticks));
            LockSupport.parkNanos(SETTLE.toNanos());
            notes.add(
                    "frozen instance's log after the STOP: %d fencing lines (%s), %d ERROR lines; second instance's: %d"
                            + " ERROR lines",
                    count(first.log(), logStart, FENCING),
                    FENCING.pattern(),
                    count(first.log(), logStart, ERROR),
                    count(second.log(), secondLogStart, ERROR));
            return List.of(new KillScenario.Kill(Service.ALERTS, rejoined, takeover, null));
        }
    }

    private static GroupMembers.Snapshot snapshot(GroupMembers members, String group, String topic) {
        try {
            return members.snapshot(group, topic);
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static boolean lagAtMost(ConsumerLag lag, String group, String topic, long records) {
        try {
            return lag.lag(group, topic) <= records;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How long after {@code since} {@code condition} held, polled until {@code deadline}; null if it never did. */
    private static Duration within(long deadline, long since, BooleanSupplier condition) {
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return Duration.ofNanos(System.nanoTime() - since);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        return null;
    }

    private static void await(String what, Duration atMost, BooleanSupplier condition) {
        long start = System.nanoTime();
        if (within(start + atMost.toNanos(), start, condition) == null) {
            throw new IllegalStateException(what + ": not within " + atMost);
        }
    }

    /** {@code kill -STOP|-CONT pid}: freezes every thread of the process (heartbeats too), or resumes them. */
    private static void signal(ServiceProcess process, String signal) throws IOException, InterruptedException {
        int status = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
        if (status != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " exited with " + status);
        }
    }

    /** The lines of {@code log} from byte {@code from} on that match {@code pattern}. */
    private static long count(Path log, long from, Pattern pattern) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] tail = new byte[(int) Math.max(0, file.length() - from)];
            file.seek(from);
            file.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> pattern.matcher(line).find())
                    .count();
        }
    }
}
