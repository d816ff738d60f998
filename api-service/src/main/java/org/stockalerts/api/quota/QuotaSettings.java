package org.stockalerts.api.quota;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-user quotas ({@code stockalerts.api.quotas.*}, e.g. {@code STOCKALERTS_API_QUOTAS_CHANNELS}).
 * They keep one user from burning the market-data quota for everyone and keep each user event far
 * below Kafka's 1 MiB record limit (see docs/security.md, "Limits").
 *
 * @param rules most alert rules per user, holdings' threshold rules included
 * @param channels most notification channels per user
 * @param holdings most holdings (positions and watch entries) per user
 * @param symbols most distinct symbols across a user's rules and holdings
 * @param keys most API keys per user
 */
@Validated
@ConfigurationProperties("stockalerts.api.quotas")
public record QuotaSettings(
        @DefaultValue("1000") @Min(1) int rules,
        @DefaultValue("16") @Min(1) int channels,
        @DefaultValue("500") @Min(1) int holdings,
        @DefaultValue("200") @Min(1) int symbols,
        @DefaultValue("10") @Min(1) int keys) {}
