package org.stockalerts.api.deadletters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.apache.kafka.common.errors.AuthorizationException;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stockalerts.api.security.Caller;
import org.stockalerts.api.security.CurrentUser;
import org.stockalerts.api.web.ConflictException;
import org.stockalerts.api.web.ForbiddenException;
import org.stockalerts.api.web.JsonAnswer;
import org.stockalerts.api.web.NotFoundException;
import org.stockalerts.common.kafka.redrive.DeadLetterRedrive;
import org.stockalerts.common.kafka.redrive.NotADeadLetterTopicException;
import org.stockalerts.common.kafka.redrive.RedriveRequest;
import org.stockalerts.common.kafka.redrive.RedriveSummary;
import org.stockalerts.common.kafka.redrive.RedriveSupersededException;

/** The operator's redrive of a dead-letter topic, the same as {@code ./stock-alerts redrive}. */
@RestController
@RequestMapping("/admin/dead-letters")
@Tag(name = "Operations", description = "Operator routes: the admin key only")
class DeadLetterController {

    private final DeadLetterRedrive redrive;
    private final Clock clock;

    DeadLetterController(KafkaAdmin admin, Clock clock) {
        this.redrive = new DeadLetterRedrive(admin.getConfigurationProperties());
        this.clock = clock;
    }

    /**
     * What to redrive.
     *
     * @param since only dead letters written at or after this instant, or this long ago ({@code 2h},
     *     {@code 30m}, {@code PT2H}, {@code 2026-12-03T10:00:00Z}); absent: all
     * @param dryRun count by reason, republish nothing
     */
    record RedriveOptions(String since, Boolean dryRun) {}

    @PostMapping("/{topic}/redrive")
    @Operation(
            summary = "Republish a dead-letter topic's records to the topic they came from, each once (admin key only)",
            description = "Reads TOPIC.DLT from where the last redrive of it stopped (consumer group"
                    + " stockalerts-redrive-TOPIC.DLT), republishes key, value and the record's own headers to"
                    + " TOPIC on the partition it failed on, with a stockalerts-redriven-from header, and commits"
                    + " the group's offsets in the same transaction. The consumers drop duplicates by eventId /"
                    + " alertId. 404 for a topic that is not one of the system's dead-letter topics, 403 for a"
                    + " user key or when the service's Kafka login may not redrive the topic, 409 when another"
                    + " redrive of the same topic took over.")
    @JsonAnswer(DeadLetterExamples.SUMMARY)
    RedriveSummary redrive(
            @CurrentUser Caller caller,
            @Parameter(description = "a dead-letter topic, e.g. stock-prices.DLT", example = "stock-prices.DLT")
                    @PathVariable
                    String topic,
            @RequestBody(required = false) RedriveOptions options) {
        if (!caller.admin()) {
            throw ForbiddenException.adminOnly();
        }
        RedriveOptions given = options == null ? new RedriveOptions(null, false) : options;
        try {
            DeadLetterRedrive.sourceOf(topic);
        } catch (NotADeadLetterTopicException e) {
            throw new NotFoundException("dead-letter topic", topic);
        }
        RedriveRequest request = new RedriveRequest(
                topic, RedriveRequest.since(given.since(), clock), Boolean.TRUE.equals(given.dryRun()));
        try {
            return redrive.redrive(request);
        } catch (RedriveSupersededException e) {
            throw new ConflictException(e.getMessage());
        } catch (AuthorizationException e) {
            // with the SASL ACLs (tools/kafka/acls.csv) this service's login may not read dead letters or write
            // other services' topics; an operator login can (docs/reliability.md#redriving-dead-letters)
            throw new ForbiddenException("this service's Kafka login may not redrive " + topic
                    + ": run ./stock-alerts redrive with an operator's Kafka login");
        }
    }
}
