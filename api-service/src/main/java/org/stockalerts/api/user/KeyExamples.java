package org.stockalerts.api.user;

/** Example bodies for the OpenAPI description of the key routes. */
final class KeyExamples {

    static final String CREATED = """
            {"id": "01936f80-1a2b-7c3d-8e4f-5a6b7c8d9e0f", "name": "laptop", "prefix": "sa_Zt4Qw",
             "createdAt": "2026-01-03T09:00:00Z", "apiKey": "sa_Zt4Qw8mXr2VbN6cK1pLs9dHf3gJy7uTe5aWq0oEiR4n"}""";

    static final String KEYS = """
            [{"id": "01936f6e-8a4c-7c1e-9b52-5f0c2d7a1e12", "name": null, "prefix": "sa_q3VfH",
              "createdAt": "2026-01-02T10:15:30Z", "lastUsedAt": "2026-01-03T08:59:00Z"},
             {"id": "01936f80-1a2b-7c3d-8e4f-5a6b7c8d9e0f", "name": "laptop", "prefix": "sa_Zt4Qw",
              "createdAt": "2026-01-03T09:00:00Z", "lastUsedAt": null}]""";

    static final String LAST_KEY = """
            {"title": "Conflict", "status": 409,
             "detail": "a user keeps at least one key: create another before revoking this one",
             "rule": "at least one key"}""";

    private KeyExamples() {}
}
