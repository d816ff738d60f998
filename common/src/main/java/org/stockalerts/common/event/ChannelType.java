package org.stockalerts.common.event;

/** Where an alert is delivered. In-app means stored and pushed live to connected clients. */
public enum ChannelType {
    IN_APP,
    WEBHOOK,
    EMAIL
}
