package org.stockalerts.persistence;

import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.Boundaries;

class BoundariesTest {

    @Test
    void usesNoOtherServiceAndItsFeaturePackagesFormNoCycle() {
        Boundaries.check("persistence");
    }
}
