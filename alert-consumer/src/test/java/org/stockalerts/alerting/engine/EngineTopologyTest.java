package org.stockalerts.alerting.engine;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link EngineDriver} for each test of the topology. */
abstract class EngineTopologyTest {

    @TempDir
    Path stateDir;

    EngineDriver engine;

    @BeforeEach
    void start() {
        engine = new EngineDriver(stateDir);
    }

    @AfterEach
    void stop() {
        engine.close();
    }
}
