package org.stockalerts.analytics;

import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.RealInfrastructure;
import org.stockalerts.testsupport.ServiceHealthContract;

@IntegrationTest
@SpringBootTest(
        properties = RealInfrastructure.DATABASE_PROPERTY + "=false",
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalyticsConsumerApplicationTest extends ServiceHealthContract {

    @Override
    protected List<String> requiredComponents() {
        return List.of("kafka", KAFKA_STREAMS);
    }
}
