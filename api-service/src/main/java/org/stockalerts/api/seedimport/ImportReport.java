package org.stockalerts.api.seedimport;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What an import did, per seed table: rows imported now, rows an earlier run imported, rows skipped
 * because they cannot be imported (each named on the output with its reason as it happens), and rows
 * left out by design (soft-deleted rows, prices past the port's retention, the analytics table).
 */
final class ImportReport {

    /** Every row imported, now or before, and nothing left out for a reason worth knowing. */
    static final int EXIT_COMPLETE = 0;
    /** The import failed and stopped; what it committed before stays, and a new run resumes. */
    static final int EXIT_FAILED = 1;
    /** The run finished, but some rows were skipped. */
    static final int EXIT_SKIPPED = 2;

    /** The counts of one table. */
    private static final class Counts {
        private long imported;
        private long alreadyImported;
        private long skipped;
        private long leftOut;
    }

    private final PrintStream out;
    private final Map<SeedTable, Counts> counts = new EnumMap<>(SeedTable.class);
    private final Set<String> notes = new LinkedHashSet<>();

    ImportReport(PrintStream out) {
        this.out = out;
        for (SeedTable table : SeedTable.values()) {
            counts.put(table, new Counts());
        }
    }

    void imported(SeedTable table, long rows) {
        counts.get(table).imported += rows;
    }

    void alreadyImported(SeedTable table, long rows) {
        counts.get(table).alreadyImported += rows;
    }

    /** A row that cannot be imported: named on the output at once, and counted. */
    void skipped(SeedTable table, long id, String reason) {
        counts.get(table).skipped++;
        out.println("skipped " + table.row(id) + ": " + reason);
    }

    /** Rows not imported by design; the reason is printed once with the summary. */
    void leftOut(SeedTable table, long rows, String reason) {
        if (rows > 0) {
            counts.get(table).leftOut += rows;
            notes.add(table.tableName() + ": " + reason);
        }
    }

    /** {@link #EXIT_SKIPPED} when any row was skipped, else {@link #EXIT_COMPLETE}. */
    int exitCode() {
        return counts.values().stream().anyMatch(c -> c.skipped > 0) ? EXIT_SKIPPED : EXIT_COMPLETE;
    }

    /** Prints the counts per table and the reasons rows were left out. */
    void printSummary() {
        String format = "%-16s %10s %18s %9s %10s%n";
        out.printf(format, "table", "imported", "already imported", "skipped", "left out");
        counts.forEach((table, c) ->
                out.printf(format, table.tableName(), c.imported, c.alreadyImported, c.skipped, c.leftOut));
        notes.forEach(note -> out.println("left out of " + note));
    }
}
