package org.stockalerts.api.portfolio;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockalerts.api.alerts.AlertRules;
import org.stockalerts.api.outbox.OutboxWriter;
import org.stockalerts.api.portfolio.PortfolioRequests.HoldingRequest;
import org.stockalerts.api.portfolio.PortfolioRequests.PortfolioRequest;
import org.stockalerts.api.user.UserRepository;
import org.stockalerts.api.web.NotFoundException;
import org.stockalerts.api.web.UnprocessableException;
import org.stockalerts.common.event.PortfolioChanged;
import org.stockalerts.common.event.Require;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.id.EventIds;

/**
 * Changes to portfolios and holdings. Each change publishes the whole portfolio as a
 * {@link PortfolioChanged} through the outbox and keeps holding threshold rules in line.
 */
@Service
class Portfolios {

    /** Name of a portfolio created without one. */
    static final String DEFAULT_NAME = "My portfolio";

    private final PortfolioRepository portfolios;
    private final HoldingRepository holdings;
    private final UserRepository users;
    private final AlertRules rules;
    private final OutboxWriter outbox;
    private final EventIds ids;
    private final Clock clock;

    Portfolios(
            PortfolioRepository portfolios,
            HoldingRepository holdings,
            UserRepository users,
            AlertRules rules,
            OutboxWriter outbox,
            EventIds ids,
            Clock clock) {
        this.portfolios = portfolios;
        this.holdings = holdings;
        this.users = users;
        this.rules = rules;
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

    /** Adds a purchase: a new holding, or more of one already held (average cost weighted). */
    @Transactional
    HoldingEntity addHolding(UUID owner, UUID portfolioId, HoldingRequest request) {
        PortfolioEntity portfolio = lockOwned(owner, portfolioId);
        Symbol symbol = Require.present(request.symbol(), "symbol");
        Instant now = clock.instant();
        HoldingEntity holding = holdings.findByPortfolioIdAndSymbol(portfolioId, symbol.value())
                .map(held -> {
                    held.buy(request.quantity(), request.averageCost(), request.thresholdPrice(), now);
                    return held;
                })
                .orElseGet(() -> newHolding(portfolio, symbol, request, now));
        return saveAndPublish(portfolio, holding, now);
    }

    /** Sets a holding to exactly {@code request}, creating it if needed. */
    @Transactional
    HoldingEntity putHolding(UUID owner, UUID portfolioId, Symbol symbol, HoldingRequest request) {
        if (request.symbol() != null && !request.symbol().equals(symbol)) {
            throw new UnprocessableException("body symbol " + request.symbol() + " differs from path symbol " + symbol);
        }
        PortfolioEntity portfolio = lockOwned(owner, portfolioId);
        Instant now = clock.instant();
        HoldingEntity holding = holdings.findByPortfolioIdAndSymbol(portfolioId, symbol.value())
                .orElseGet(() -> new HoldingEntity(ids.next(), portfolioId, symbol, now));
        holding.set(request.quantity(), request.averageCost(), request.thresholdPrice(), now);
        return saveAndPublish(portfolio, holding, now);
    }

    @Transactional
    void removeHolding(UUID owner, UUID portfolioId, Symbol symbol) {
        PortfolioEntity portfolio = lockOwned(owner, portfolioId);
        HoldingEntity holding = holdings.findByPortfolioIdAndSymbol(portfolioId, symbol.value())
                .orElseThrow(() -> new NotFoundException("holding", symbol));
        rules.syncHoldingThreshold(owner, holding.id(), symbol, null);
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
                rules.syncHoldingThreshold(portfolio.userId(), held.id(), held.symbol(), null);
                holdings.delete(held);
            }
        }
        for (HoldingRequest request : wanted) {
            HoldingEntity holding = holdings.findByPortfolioIdAndSymbol(
                            portfolio.id(), request.symbol().value())
                    .orElseGet(() -> new HoldingEntity(ids.next(), portfolio.id(), request.symbol(), now));
            holding.set(request.quantity(), request.averageCost(), request.thresholdPrice(), now);
            holdings.save(holding);
            rules.syncHoldingThreshold(portfolio.userId(), holding.id(), holding.symbol(), holding.thresholdPrice());
        }
    }

    private HoldingEntity newHolding(PortfolioEntity portfolio, Symbol symbol, HoldingRequest request, Instant now) {
        HoldingEntity holding = new HoldingEntity(ids.next(), portfolio.id(), symbol, now);
        holding.set(request.quantity(), request.averageCost(), request.thresholdPrice(), now);
        return holding;
    }

    private HoldingEntity saveAndPublish(PortfolioEntity portfolio, HoldingEntity holding, Instant now) {
        HoldingEntity saved = holdings.save(holding);
        holdings.flush();
        rules.syncHoldingThreshold(portfolio.userId(), saved.id(), saved.symbol(), saved.thresholdPrice());
        portfolio.touch(null, now);
        publish(portfolio);
        return saved;
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
                        .map(HoldingEntity::toHolding)
                        .toList()));
    }
}
