package org.stockalerts.e2e;

import java.util.ArrayList;
import java.util.List;

/** What a test opened (servers, services, a system), closed in reverse order: a field marked {@code @AutoClose}. */
final class Opened implements AutoCloseable {

    private final List<AutoCloseable> resources = new ArrayList<>();

    /** Keeps {@code resource} to close after the test, and hands it back. */
    <T extends AutoCloseable> T add(T resource) {
        resources.add(resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
        resources.clear();
    }
}
