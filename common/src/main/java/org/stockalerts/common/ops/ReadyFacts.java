package org.stockalerts.common.ops;

import java.util.Map;

/**
 * Key settings a service names in the one line it logs when it is ready ({@link ReadyLine}), next to its ports,
 * its consumer groups and its topics: the market-data provider, for example. Values must hold no secret.
 */
@FunctionalInterface
public interface ReadyFacts {

    /** The settings to name, as key-value fields of the ready line. */
    Map<String, Object> readyFacts();
}
