package org.stockalerts.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;

/** A scenario's own findings, one line each: printed as they come, and kept for its report. */
@RequiredArgsConstructor
final class ScenarioNotes {

    private final String scenario;
    private final List<String> lines = new ArrayList<>();

    synchronized void add(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(scenario + ": " + line);
        lines.add(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** {@code 12.3 s}, or {@code n/a} for null. */
    static String seconds(Duration duration) {
        return duration == null ? "n/a" : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
