package org.stockalerts.api.user;

/** Example bodies for the OpenAPI description of the user routes. */
final class UserExamples {

    static final String REGISTERED = """
            {"id": "01936f6e-8a4c-7c1e-9b52-5f0c2d7a1e11", "name": "Ada Lovelace", "email": "ada@example.com",
             "createdAt": "2026-01-02T10:15:30Z", "apiKey": "sa_q3VfH1m8o0uTz6JdN2pW4yXcA7bE9gKs5LrM1nPtQvY"}""";

    static final String USER = """
            {"id": "01936f6e-8a4c-7c1e-9b52-5f0c2d7a1e11", "name": "Ada Lovelace", "email": "ada@example.com",
             "createdAt": "2026-01-02T10:15:30Z", "updatedAt": "2026-01-02T10:15:30Z"}""";

    static final String PAGE = "{\"items\": [" + USER + "], \"page\": 0, \"size\": 50, \"total\": 1}";

    private UserExamples() {}
}
