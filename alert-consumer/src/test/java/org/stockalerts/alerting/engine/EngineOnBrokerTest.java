package org.stockalerts.alerting.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A test that runs the engine on the real broker under an application id of its own, and closes it after. */
abstract class EngineOnBrokerTest {

    @TempDir
    Path stateDir;

    final String applicationId = "engine-" + getClass().getSimpleName() + "-" + UUID.randomUUID();
    KafkaStreams engine;

    @AfterEach
    void stopEngine() {
        if (engine != null) {
            engine.close(Duration.ofSeconds(10));
        }
    }
}
