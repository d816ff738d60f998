package org.stockalerts.alerting;

import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.ServiceHealthContract;

@IntegrationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertConsumerApplicationTest extends ServiceHealthContract {

    @Override
    protected List<String> requiredComponents() {
        return List.of("kafka", "db", KAFKA_STREAMS, "clock");
    }
}
