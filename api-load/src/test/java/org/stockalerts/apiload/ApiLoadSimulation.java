package org.stockalerts.apiload;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.uniformRandomSwitch;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The API under a fixed arrival rate (an open model: {@code load.rate} requests per second, each a new virtual
 * user making one request, whatever the answers' pace), over the users {@link ApiLoadSetup} registered, each
 * request with the user's real key. {@code load.mix}: {@code reads} (GET the user's fired alerts, portfolio and
 * the price of the symbol held, in equal parts), {@code writes} ({@code POST /alerts} and a threshold change by
 * {@code PATCH /alerts/{id}}, in equal parts, both through the outbox) or {@code mix} (90 % reads, 10 % writes).
 * The rate ramps up over {@code load.ramp} seconds and then holds for {@code load.seconds}. Every answer must be
 * 2xx; a 429 or 5xx counts as a failed request.
 */
public class ApiLoadSimulation extends Simulation {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final String base = System.getProperty("load.baseUrl", "http://127.0.0.1:8080");
    private final String mix = System.getProperty("load.mix", "mix");
    private final int rate = Integer.getInteger("load.rate", 500);
    private final int ramp = Integer.getInteger("load.ramp", 5);
    private final int seconds = Integer.getInteger("load.seconds", 60);
    private final String users = System.getProperty("load.users", "target/api-load/users.csv");

    private final FeederBuilder<String> feeder =
            csv(Path.of(users).toAbsolutePath().toString()).random();

    private final HttpProtocolBuilder protocol = http.baseUrl(base)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .shareConnections()
            .disableCaching();

    private static ChainBuilder get(String name, String path) {
        return exec(http(name)
                .get(path)
                .header("Authorization", "Bearer #{key}")
                .header(FORWARDED_FOR, ApiLoadSimulation::address)
                .check(status().in(200)));
    }

    /**
     * Each user's own client address, as a proxy in front of api-service names it (the run trusts 127.0.0.1
     * as that proxy): a thousand users are a thousand clients, not one address whose single rate-limit bucket
     * every request would take from.
     */
    private static String address(Session session) {
        int hash = session.getString("id").hashCode();
        return "10." + ((hash >>> 16) & 0xff) + "." + ((hash >>> 8) & 0xff) + "." + (hash & 0xff);
    }

    private final ChainBuilder reads = uniformRandomSwitch()
            .on(
                    get("GET /users/{id}/alerts", "/users/#{id}/alerts"),
                    get("GET /users/{id}/portfolio", "/users/#{id}/portfolio"),
                    get("GET /stocks/{symbol}", "/stocks/#{symbol}"));

    private final ChainBuilder writes = uniformRandomSwitch()
            .on(
                    exec(http("POST /alerts")
                            .post("/alerts")
                            .header("Authorization", "Bearer #{key}")
                            .header(FORWARDED_FOR, ApiLoadSimulation::address)
                            .body(StringBody(session -> "{\"symbol\":\"" + session.getString("symbol")
                                    + "\",\"condition\":\"PRICE_ABOVE\",\"threshold\":" + threshold()
                                    + ",\"triggerMode\":\"ONCE\",\"channels\":[\"IN_APP\"]}"))
                            .check(status().is(201))),
                    exec(http("PATCH /alerts/{id}")
                            .patch("/alerts/#{alertId}")
                            .header("Authorization", "Bearer #{key}")
                            .header(FORWARDED_FOR, ApiLoadSimulation::address)
                            .body(StringBody(session -> "{\"threshold\":" + threshold() + "}"))
                            .check(status().is(200))));

    private static String threshold() {
        return String.valueOf(1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private ChainBuilder requests() {
        return switch (mix) {
            case "reads" -> reads;
            case "writes" -> writes;
            case "mix" ->
                randomSwitch().on(percent(90.0).then(reads), percent(10.0).then(writes));
            default -> throw new IllegalArgumentException("load.mix must be reads, writes or mix, not " + mix);
        };
    }

    {
        ScenarioBuilder load = scenario(mix + " at " + rate + "/s").feed(feeder).exec(requests());
        setUp(load.injectOpen(
                        rampUsersPerSec(1).to(rate).during(ramp),
                        constantUsersPerSec(rate).during(seconds)))
                .protocols(protocol);
    }
}
