package org.stockalerts.api.seedimport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Rows gathered for one batched write: full batches are handed to the writer as they fill, the rest
 * by {@link #flush()}.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class HistoryBatch<T> {

    private final int size;
    private final Consumer<List<T>> writer;
    private final List<T> rows = new ArrayList<>();

    void add(T row) {
        rows.add(row);
        if (rows.size() >= size) {
            flush();
        }
    }

    void flush() {
        if (!rows.isEmpty()) {
            writer.accept(List.copyOf(rows));
            rows.clear();
        }
    }
}
