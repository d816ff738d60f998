package org.stockalerts.faults;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.market.MarketSession;
import org.stockalerts.e2e.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * The users, webhooks and rules of a run, created through the API before the load and fixed for the
 * whole run: {@code users} users, each with a webhook at the receivers and an alert stream, owning in
 * turn one CROSSES_UP 100 rule (REARM, margin 0.50, IN_APP and WEBHOOK) on each of the symbols.
 */
record Population(List<User> users, List<Symbol> symbols, List<AlertRule> rules) {

    /** A user of the run, with the API key that reads its alert stream. */
    record User(UUID id, String apiKey) {}

    /** Symbols in turn; 97, not a multiple of 10, so a symbol's tick after a crossing is below again. */
    static final int SYMBOLS = 97;

    private static final BigDecimal THRESHOLD = new BigDecimal("100.00");
    private static final BigDecimal REARM_MARGIN = new BigDecimal("0.50");

    static Population create(ApiClient api, WebhookReceivers receivers, int userCount) throws Exception {
        List<User> users = new ArrayList<>();
        for (int u = 0; u < userCount; u++) {
            JsonNode created = api.call("POST", "/users", null, "{\"name\":\"Faults " + u + "\"}");
            User user = new User(
                    UUID.fromString(created.get("id").asString()),
                    created.get("apiKey").asString());
            JsonNode channel = api.call(
                    "POST",
                    "/users/" + user.id() + "/channels",
                    user.apiKey(),
                    "{\"type\":\"WEBHOOK\",\"address\":\"" + receivers.address(user.id()) + "\"}");
            receivers.register(user.id(), channel.get("secret").asString());
            users.add(user);
        }
        List<Symbol> symbols = new ArrayList<>();
        List<AlertRule> rules = new ArrayList<>();
        for (int s = 0; s < SYMBOLS; s++) {
            Symbol symbol = Symbol.of(String.format(Locale.ROOT, "FT%03d", s));
            User owner = users.get(s % users.size());
            JsonNode rule = api.call(
                    "POST",
                    "/alerts",
                    owner.apiKey(),
                    "{\"symbol\":\"" + symbol.value() + "\",\"condition\":\"CROSSES_UP\",\"threshold\":" + THRESHOLD
                            + ",\"triggerMode\":\"REARM\",\"rearmMargin\":" + REARM_MARGIN
                            + ",\"channels\":[\"IN_APP\",\"WEBHOOK\"]}");
            symbols.add(symbol);
            rules.add(new AlertRule(
                    UUID.fromString(rule.get("id").asString()),
                    owner.id(),
                    symbol,
                    Condition.CROSSES_UP,
                    THRESHOLD,
                    null,
                    null,
                    null,
                    null,
                    TriggerMode.REARM,
                    null,
                    REARM_MARGIN,
                    null,
                    Set.of(ChannelType.IN_APP, ChannelType.WEBHOOK),
                    RuleStatus.ACTIVE,
                    1,
                    MarketSession.ANY));
        }
        return new Population(List.copyOf(users), List.copyOf(symbols), List.copyOf(rules));
    }
}
