package org.stockalerts.api;

import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.Boundaries;

class BoundariesTest {

    @Test
    void usesNoOtherServiceAndItsFeaturePackagesFormNoCycle() {
        Boundaries.check("api");
    }
}
