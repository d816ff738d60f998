package org.stockalerts.alerting;

import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.Boundaries;

class BoundariesTest {

    @Test
    void usesNoOtherServiceAndItsFeaturePackagesFormNoCycle() {
        Boundaries.check("alerting");
    }

    @Test
    void engineAndDeliveryMeetOnlyThroughTheAlertsTopic() {
        Boundaries.checkIndependent("alerting", "engine", "delivery");
    }
}
