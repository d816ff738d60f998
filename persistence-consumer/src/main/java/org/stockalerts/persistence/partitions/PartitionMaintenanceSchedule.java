package org.stockalerts.persistence.partitions;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.stockalerts.persistence.PersistenceSettings;

/** Runs {@link TickPartitions#maintain()} at start-up and then every {@code partition-maintenance-interval}. */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PartitionMaintenanceSchedule implements SchedulingConfigurer {

    private final TickPartitions partitions;
    private final PersistenceSettings settings;

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(partitions::maintain, settings.partitionMaintenanceInterval());
    }
}
