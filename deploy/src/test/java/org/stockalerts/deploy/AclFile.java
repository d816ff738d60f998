package org.stockalerts.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * tools/kafka/acls.csv, the ACLs of every service's Kafka user (docs/security.md, "Least privilege"), as rules in
 * Strimzi's terms: {@code type name patternType OPERATIONS}, e.g. {@code topic stock-prices literal CREATE,READ}.
 */
final class AclFile {

    static final Path FILE = Chart.REPOSITORY.resolve("tools/kafka/acls.csv");

    private static final Map<String, String> RESOURCE_TYPES =
            Map.of("topic", "topic", "group", "group", "transactional-id", "transactionalId");
    private static final Map<String, String> PATTERN_TYPES = Map.of("literal", "literal", "prefixed", "prefix");

    private AclFile() {}

    /** Each user's rules. */
    static Map<String, Set<String>> rulesByUser() {
        Map<String, Set<String>> rules = new TreeMap<>();
        for (String line : lines()) {
            String[] fields = line.split(",", -1);
            String rule = rule(
                    RESOURCE_TYPES.get(fields[1]),
                    fields[3],
                    PATTERN_TYPES.get(fields[2]),
                    Arrays.asList(fields[4].split(" ")));
            rules.computeIfAbsent(fields[0], user -> new TreeSet<>()).add(rule);
        }
        return rules;
    }

    /** Whether {@code user} may read the consumer group {@code group}. */
    static boolean mayReadGroup(String user, String group) {
        return lines().stream()
                .map(line -> line.split(",", -1))
                .filter(fields -> fields[0].equals(user) && fields[1].equals("group"))
                .filter(fields -> fields[4].contains("READ") || fields[4].contains("ALL"))
                .anyMatch(
                        fields -> fields[2].equals("literal") ? group.equals(fields[3]) : group.startsWith(fields[3]));
    }

    static String rule(String type, String name, String patternType, Iterable<String> operations) {
        Set<String> ops = new TreeSet<>();
        operations.forEach(operation -> ops.add(operation.toUpperCase(java.util.Locale.ROOT)));
        return type + " " + name + " " + patternType + " " + String.join(",", ops);
    }

    private static java.util.List<String> lines() {
        try {
            return Files.readAllLines(FILE).stream()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
