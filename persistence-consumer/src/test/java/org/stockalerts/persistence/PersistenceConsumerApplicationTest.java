package org.stockalerts.persistence;

import java.util.List;
import org.stockalerts.testsupport.ServiceHealthContract;

@PersistenceIntegrationTest
class PersistenceConsumerApplicationTest extends ServiceHealthContract {

    @Override
    protected List<String> requiredComponents() {
        return List.of("kafka", "db");
    }
}
