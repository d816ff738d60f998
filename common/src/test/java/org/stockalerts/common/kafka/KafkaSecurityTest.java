package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.stockalerts.common.config.ProcessEnvironment;

/**
 * A real broker with SASL/SCRAM-SHA-512 and KRaft's StandardAuthorizer, one SCRAM user per service and
 * the ACLs of the deployment (tools/kafka/acls.csv): a service's client settings, as
 * {@link KafkaSaslEnvironment} makes them from STOCKALERTS_KAFKA_SASL_USERNAME / _PASSWORD, authenticate
 * and reach the service's own topics, and are refused another service's.
 */
class KafkaSecurityTest {

    private static final Path ACLS = Path.of("..", "tools", "kafka", "acls.csv");
    private static final List<String> USERS =
            List.of("api-service", "alert-consumer", "persistence-consumer", "analytics-consumer");

    private static ScramBroker broker;

    @BeforeAll
    static void startTheBrokerWithTheDeploymentsUsersAndAcls() throws Exception {
        broker = ScramBroker.start();
        try (Admin admin = Admin.create(broker.adminConfig())) {
            List<UserScramCredentialUpsertion> users = new ArrayList<>();
            for (String user : USERS) {
                users.add(new UserScramCredentialUpsertion(
                        user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password(user)));
            }
            admin.alterUserScramCredentials(List.copyOf(users)).all().get(30, TimeUnit.SECONDS);
            admin.createTopics(List.of(
                            new NewTopic(Topics.Names.ALERT_RULES, 1, (short) 1),
                            new NewTopic(Topics.Names.STOCK_PRICES, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            admin.createAcls(deploymentAcls()).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopTheBroker() throws IOException {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void apiServiceLogsInAndWritesTheRulesItOwns() throws Exception {
        try (KafkaProducer<String, String> api = producer("api-service", password("api-service"))) {
            assertThat(api.send(new ProducerRecord<>(Topics.Names.ALERT_RULES, "rule-1", "{}"))
                            .get(30, TimeUnit.SECONDS)
                            .topic())
                    .isEqualTo(Topics.Names.ALERT_RULES);
        }
    }

    @Test
    void persistenceConsumerMayNotForgeARule() {
        try (KafkaProducer<String, String> persistence =
                producer("persistence-consumer", password("persistence-consumer"))) {
            assertThatThrownBy(() -> persistence
                            .send(new ProducerRecord<>(Topics.Names.ALERT_RULES, "rule-1", "{}"))
                            .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void persistenceConsumerReadsTheTicksInItsOwnGroup() throws Exception {
        try (KafkaProducer<String, String> api = producer("api-service", password("api-service"))) {
            api.send(new ProducerRecord<>(Topics.Names.STOCK_PRICES, "AAPL", "tick"))
                    .get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> config = clientSettings("persistence-consumer", password("persistence-consumer"))
                .buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "persistence-consumer-ticks");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> persistence =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            persistence.subscribe(List.of(Topics.Names.STOCK_PRICES));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = persistence.poll(Duration.ofMillis(500));
                records.forEach(record -> values.add(record.value()));
            }
            assertThat(values).contains("tick");
        }
    }

    @Test
    void aWrongPasswordDoesNotLogIn() {
        try (KafkaProducer<String, String> impostor = producer("api-service", "guessed")) {
            assertThatThrownBy(() -> impostor.send(new ProducerRecord<>(Topics.Names.ALERT_RULES, "rule-1", "{}"))
                            .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void withoutAUsernameTheClientsStayAsTheyWere() {
        StandardEnvironment environment = environmentWith(Map.of());

        new KafkaSaslEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getPropertySources().contains(KafkaSaslEnvironment.SOURCE))
                .isFalse();
    }

    private static String password(String user) {
        return user + "-s3cret\"\\";
    }

    /** The Kafka settings of a service started with these SASL variables, as Spring Boot builds its clients. */
    private static KafkaProperties clientSettings(String username, String password) {
        StandardEnvironment environment = environmentWith(
                Map.of(KafkaSaslEnvironment.USERNAME, username, KafkaSaslEnvironment.PASSWORD, password));
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "service", Map.of("spring.kafka.bootstrap-servers", broker.bootstrapServers())));
        new KafkaSaslEnvironment().postProcessEnvironment(environment, null);
        return Binder.get(environment)
                .bind("spring.kafka", KafkaProperties.class)
                .get();
    }

    private static StandardEnvironment environmentWith(Map<String, Object> variables) {
        return ProcessEnvironment.of(variables);
    }

    private static KafkaProducer<String, String> producer(String username, String password) {
        Map<String, Object> config = clientSettings(username, password).buildProducerProperties();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** tools/kafka/acls.csv as ACL bindings: user, resource, pattern, name, operations. */
    private static List<AclBinding> deploymentAcls() throws IOException {
        List<AclBinding> bindings = new ArrayList<>();
        for (String line : Files.readAllLines(ACLS)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",");
            ResourcePattern resource = new ResourcePattern(
                    ResourceType.fromString(fields[1].replace("-", "_").toUpperCase(Locale.ROOT)),
                    fields[3],
                    PatternType.fromString(fields[2].toUpperCase(Locale.ROOT)));
            for (String operation : fields[4].split(" ")) {
                bindings.add(new AclBinding(
                        resource,
                        new AccessControlEntry(
                                "User:" + fields[0],
                                "*",
                                AclOperation.fromString(operation),
                                AclPermissionType.ALLOW)));
            }
        }
        assertThat(bindings).isNotEmpty().noneMatch(AclBinding::isUnknown);
        return bindings;
    }
}
