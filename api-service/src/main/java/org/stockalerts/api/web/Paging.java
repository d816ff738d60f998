package org.stockalerts.api.web;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** Turns {@code page} and {@code size} request parameters into a bounded page request. */
@Component
@RequiredArgsConstructor
public class Paging {

    private final WebSettings settings;

    /**
     * Page {@code page} (from 0) of {@code size} items, the configured default when size is null.
     *
     * @throws IllegalArgumentException (a 400) for a negative page or a size outside 1..max
     */
    public PageRequest of(Integer page, Integer size, Sort sort) {
        int number = page == null ? 0 : page;
        int limit = size == null ? settings.defaultPageSize() : size;
        if (number < 0) {
            throw new IllegalArgumentException("parameter 'page' must not be negative");
        }
        if (limit < 1 || limit > settings.maxPageSize()) {
            throw new IllegalArgumentException("parameter 'size' must be between 1 and " + settings.maxPageSize());
        }
        return PageRequest.of(number, limit, sort);
    }
}
