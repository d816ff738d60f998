package org.stockalerts.alerting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.Boundaries;

class BoundariesTest {

    @Test
    void usesNoOtherServiceAndItsFeaturePackagesFormNoCycle() {
        Boundaries.check("alerting");
    }

    @Test
    void engineAndDeliveryMeetOnlyThroughTheAlertsTopic() {
        var classes = Boundaries.mainClasses("alerting");

        noClasses()
                .that()
                .resideInAPackage(Boundaries.packageOf("alerting", "engine"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(Boundaries.packageOf("alerting", "delivery"))
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage(Boundaries.packageOf("alerting", "delivery"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(Boundaries.packageOf("alerting", "engine"))
                .check(classes);
    }
}
