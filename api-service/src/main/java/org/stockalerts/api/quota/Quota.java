package org.stockalerts.api.quota;

import java.util.Locale;

/** What the per-user quotas count. */
enum Quota {
    RULES("alert rules"),
    CHANNELS("notification channels"),
    HOLDINGS("holdings"),
    SYMBOLS("distinct symbols across rules and holdings"),
    KEYS("API keys");

    private final String noun;

    Quota(String noun) {
        this.noun = noun;
    }

    String noun() {
        return noun;
    }

    /** The name of its setting under {@code stockalerts.api.quotas}, also the problem's {@code limit}. */
    String property() {
        return name().toLowerCase(Locale.ROOT);
    }

    int maximum(QuotaSettings settings) {
        return switch (this) {
            case RULES -> settings.rules();
            case CHANNELS -> settings.channels();
            case HOLDINGS -> settings.holdings();
            case SYMBOLS -> settings.symbols();
            case KEYS -> settings.keys();
        };
    }
}
