package org.stockalerts.api.deadletters;

/** Example answers for the OpenAPI description. */
final class DeadLetterExamples {

    static final String SUMMARY = """
            {"deadLetterTopic": "stock-prices.DLT", "targetTopic": "stock-prices", "dryRun": false,
             "republished": 2, "olderThanSince": 0,
             "reasons": {"persistence-consumer: malformed record: missing required field 'price'": 2}}
            """;

    private DeadLetterExamples() {}
}
