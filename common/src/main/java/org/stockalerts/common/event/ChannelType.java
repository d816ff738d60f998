package org.stockalerts.common.event;

/**
 * Where an alert is delivered. In-app means stored and pushed live to connected clients; every other type is a
 * channel the user adds ({@code POST /users/{id}/channels}) and alert-consumer delivers to.
 */
public enum ChannelType {
    IN_APP,
    WEBHOOK,
    EMAIL,
    /** A Slack incoming webhook ({@code https://hooks.slack.com/services/…}). */
    SLACK,
    /** A Discord webhook ({@code https://discord.com/api/webhooks/…}). */
    DISCORD,
    /** A Telegram chat, reached through a bot ({@code telegram:<bot token>/<chat id>}). */
    TELEGRAM,
    /** An ntfy topic ({@code https://ntfy.sh/<topic>} or a self-hosted server). */
    NTFY;

    /** Whether alerts are sent out through channels of this type (every type but {@link #IN_APP}). */
    public boolean deliveredOut() {
        return this != IN_APP;
    }

    /**
     * Whether the channel's address is itself a secret (a chat webhook's URL, a bot token, an ntfy topic): stored
     * sealed, shown masked, never logged.
     */
    public boolean secretAddress() {
        return this == SLACK || this == DISCORD || this == TELEGRAM || this == NTFY;
    }
}
