package org.stockalerts.e2e;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metrics docs/operations.md lists in its "Metrics" table, by their Prometheus names. */
final class DocumentedMetrics {

    private static final Pattern NAME = Pattern.compile("`([a-z][a-z0-9_]+)`");

    private DocumentedMetrics() {}

    /** Every name in the first column of the table under "### Metrics". */
    static Set<String> names() {
        String operations = RepositoryFiles.read("docs/operations.md");
        int section = operations.indexOf("### Metrics");
        if (section < 0) {
            throw new IllegalStateException("docs/operations.md has no \"### Metrics\" section");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String line : operations.substring(section).lines().toList()) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("| `")) {
                String firstCell = line.substring(1, line.indexOf('|', 1));
                Matcher name = NAME.matcher(firstCell);
                while (name.find()) {
                    names.add(name.group(1));
                }
            }
        }
        return names;
    }
}
