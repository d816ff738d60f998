package org.stockalerts.api.portfolio;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockalerts.api.alerts.HoldingRules;
import org.stockalerts.api.alerts.ThresholdTrigger;
import org.stockalerts.api.marketdata.MarketDataSettings;
import org.stockalerts.api.outbox.OutboxWriter;
import org.stockalerts.api.portfolio.PortfolioRequests.HoldingRequest;
import org.stockalerts.api.portfolio.PortfolioRequests.PortfolioRequest;
import org.stockalerts.api.quota.Quotas;
import org.stockalerts.api.user.UserRepository;
import org.stockalerts.api.web.NotFoundException;
import org.stockalerts.api.web.UnprocessableException;
import org.stockalerts.common.event.PortfolioChanged;
import org.stockalerts.common.event.Require;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.id.EventIds;

/**
 * Changes to portfolios and holdings. Each change publishes the whole portfolio as a
 * {@link PortfolioChanged} (its positions: a watch entry holds nothing) through the outbox and keeps
 * the holdings' threshold rules in line.
 */
@Service
public class Portfolios {

    /** Name of a portfolio created without one. */
    static final String DEFAULT_NAME = "My portfolio";

    private final PortfolioRepository portfolios;
    private final HoldingRepository holdings;
    private final UserRepository users;
    private final HoldingRules rules;
    private final ThresholdTrigger trigger;
    private final OutboxWriter outbox;
    private final EventIds ids;
    private final Clock clock;
    private final Quotas quotas;

    Portfolios(
            PortfolioRepository portfolios,
            HoldingRepository holdings,
            UserRepository users,
            HoldingRules rules,
            PortfolioSettings settings,
            MarketDataSettings marketData,
            OutboxWriter outbox,
            EventIds ids,
            Clock clock,
            Quotas quotas) {
        this.quotas = quotas;
        this.portfolios = portfolios;
        this.holdings = holdings;
        this.users = users;
        this.rules = rules;
        this.trigger = settings.thresholdTrigger(marketData);
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    /** What {@link #upsert} did. */
    record Upserted(PortfolioEntity portfolio, boolean created) {}

    /** Creates the user's portfolio or updates it; present holdings replace the current ones. */
    @Transactional
    Upserted upsert(UUID userId, PortfolioRequest request) {
        users.lockById(userId).orElseThrow(() -> NotFoundException.user(userId));
        return quotas.guarded(userId, () -> upsertLocked(userId, request));
    }

    private Upserted upsertLocked(UUID userId, PortfolioRequest request) {
        Instant now = clock.instant();
        var existing = portfolios.findByUserId(userId);
        String name = request.name() == null ? null : request.name().strip();
        PortfolioEntity portfolio = existing.orElseGet(
                () -> new PortfolioEntity(ids.next(), userId, name == null ? DEFAULT_NAME : name, now));
        portfolio.touch(name, now);
        portfolio = portfolios.save(portfolio);
        if (request.holdings() != null) {
            replaceHoldings(portfolio, request.holdings(), now);
        }
        publish(portfolio);
        return new Upserted(portfolio, existing.isEmpty());
    }

    /** The user's portfolio as it is, or created with the default name when there is none yet. */
    @Transactional
    public PortfolioEntity ensurePortfolio(UUID userId) {
        return ensure(userId).portfolio();
    }

    @Transactional
    Upserted ensure(UUID userId) {
        users.lockById(userId).orElseThrow(() -> NotFoundException.user(userId));
        return portfolios
                .findByUserId(userId)
                .map(existing -> new Upserted(existing, false))
                .orElseGet(() -> {
                    PortfolioEntity created =
                            portfolios.save(new PortfolioEntity(ids.next(), userId, DEFAULT_NAME, clock.instant()));
                    publish(created);
                    return new Upserted(created, true);
                });
    }

    /**
     * Adds to a holding what {@code request} brings: a purchase (quantities add up, the average cost
     * is weighted; a watch entry becomes a position), or with neither quantity nor cost a watch entry;
     * a threshold adds a rule next to the holding's others.
     */
    @Transactional
    HoldingEntity addHolding(UUID owner, UUID portfolioId, HoldingRequest request) {
        Symbol symbol = Require.present(request.symbol(), "symbol");
        if (request.quantity() == null) {
            return addWatchEntry(owner, portfolioId, symbol, request.thresholdPrice());
        }
        return changeHolding(owner, portfolioId, symbol, (portfolio, holding, now) -> {
            holding.buy(request.quantity(), request.averageCost(), request.thresholdPrice(), now);
            return saveAndPublish(portfolio, holding, request.thresholdPrice(), now);
        });
    }

    /**
     * Watches {@code symbol} at {@code thresholdPrice}: a watch entry (no quantity, no cost) when the
     * symbol is not held yet, and a price-at-or-above rule at that threshold next to the holding's
     * others (a threshold it has already is re-activated, not doubled).
     */
    @Transactional
    public HoldingEntity addWatchEntry(UUID owner, UUID portfolioId, Symbol symbol, BigDecimal thresholdPrice) {
        Require.positive(thresholdPrice, "thresholdPrice");
        return changeHolding(owner, portfolioId, symbol, (portfolio, holding, now) -> {
            holding.watch(thresholdPrice, now);
            return saveAndPublish(portfolio, holding, thresholdPrice, now);
        });
    }

    /** Sets a holding to exactly {@code request}, creating it if needed. */
    @Transactional
    HoldingEntity putHolding(UUID owner, UUID portfolioId, Symbol symbol, HoldingRequest request) {
        if (request.symbol() != null && !request.symbol().equals(symbol)) {
            throw new UnprocessableException("body symbol " + request.symbol() + " differs from path symbol " + symbol);
        }
        return changeHolding(owner, portfolioId, symbol, (portfolio, holding, now) -> {
            holding.set(request.quantity(), request.averageCost(), request.thresholdPrice(), now);
            HoldingEntity saved = save(holding);
            rules.setThreshold(portfolio.userId(), saved.id(), saved.symbol(), saved.thresholdPrice(), trigger);
            return published(portfolio, saved, now);
        });
    }

    @Transactional
    void removeHolding(UUID owner, UUID portfolioId, Symbol symbol) {
        PortfolioEntity portfolio = lockOwned(owner, portfolioId);
        HoldingEntity holding = holdings.findByPortfolioIdAndSymbol(portfolioId, symbol.value())
                .orElseThrow(() -> new NotFoundException("holding", symbol));
        rules.setThreshold(owner, holding.id(), symbol, null, trigger);
        holdings.delete(holding);
        portfolio.touch(null, clock.instant());
        publish(portfolio);
    }

    private void replaceHoldings(PortfolioEntity portfolio, List<HoldingRequest> wanted, Instant now) {
        Set<Symbol> symbols = new HashSet<>();
        for (HoldingRequest request : wanted) {
            Symbol symbol = Require.present(request.symbol(), "symbol");
            if (!symbols.add(symbol)) {
                throw new UnprocessableException("symbol " + symbol + " is listed twice");
            }
        }
        for (HoldingEntity held : holdings.findByPortfolioIdOrderBySymbol(portfolio.id())) {
            if (!symbols.contains(held.symbol())) {
                rules.setThreshold(portfolio.userId(), held.id(), held.symbol(), null, trigger);
                holdings.delete(held);
            }
        }
        for (HoldingRequest request : wanted) {
            HoldingEntity holding = holding(portfolio.id(), request.symbol(), now);
            holding.set(request.quantity(), request.averageCost(), request.thresholdPrice(), now);
            holdings.save(holding);
            rules.setThreshold(portfolio.userId(), holding.id(), holding.symbol(), holding.thresholdPrice(), trigger);
        }
    }

    /** A change to one holding, made on the portfolio's owner's quota. */
    @FunctionalInterface
    private interface HoldingChange {
        HoldingEntity apply(PortfolioEntity portfolio, HoldingEntity holding, Instant now);
    }

    /** Makes {@code change} to the holding of {@code symbol}, a new one if the portfolio has none. */
    private HoldingEntity changeHolding(UUID owner, UUID portfolioId, Symbol symbol, HoldingChange change) {
        PortfolioEntity portfolio = lockOwned(owner, portfolioId);
        return quotas.guarded(owner, () -> {
            Instant now = clock.instant();
            return change.apply(portfolio, holding(portfolioId, symbol, now), now);
        });
    }

    private HoldingEntity holding(UUID portfolioId, Symbol symbol, Instant now) {
        return holdings.findByPortfolioIdAndSymbol(portfolioId, symbol.value())
                .orElseGet(() -> new HoldingEntity(ids.next(), portfolioId, symbol, now));
    }

    /** Saves a holding that gained {@code addedThreshold} (if not null) as a rule next to its others. */
    private HoldingEntity saveAndPublish(
            PortfolioEntity portfolio, HoldingEntity holding, BigDecimal addedThreshold, Instant now) {
        HoldingEntity saved = save(holding);
        if (addedThreshold != null) {
            rules.addThreshold(portfolio.userId(), saved.id(), saved.symbol(), addedThreshold, trigger);
        }
        return published(portfolio, saved, now);
    }

    private HoldingEntity save(HoldingEntity holding) {
        HoldingEntity saved = holdings.save(holding);
        holdings.flush();
        return saved;
    }

    private HoldingEntity published(PortfolioEntity portfolio, HoldingEntity holding, Instant now) {
        portfolio.touch(null, now);
        publish(portfolio);
        return holding;
    }

    private PortfolioEntity lockOwned(UUID owner, UUID portfolioId) {
        users.lockById(owner).orElseThrow(() -> NotFoundException.user(owner));
        return portfolios
                .findById(portfolioId)
                .filter(portfolio -> portfolio.userId().equals(owner))
                .orElseThrow(() -> new NotFoundException("portfolio", portfolioId));
    }

    private void publish(PortfolioEntity portfolio) {
        outbox.userEvent(new PortfolioChanged(
                ids.next(),
                clock.instant(),
                PortfolioChanged.CURRENT_VERSION,
                portfolio.userId(),
                portfolio.id(),
                holdings.findByPortfolioIdOrderBySymbol(portfolio.id()).stream()
                        .flatMap(holding -> holding.toHolding().stream())
                        .toList()));
    }
}
