package org.stockalerts.api.portfolio;

import static org.stockalerts.api.security.Ownership.requireSelf;
import static org.stockalerts.api.security.Ownership.requireSelfIfNamed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.stockalerts.api.idempotency.Idempotent;
import org.stockalerts.api.portfolio.PortfolioRequests.HoldingRequest;
import org.stockalerts.api.portfolio.PortfolioRequests.PortfolioRequest;
import org.stockalerts.api.security.CurrentUser;
import org.stockalerts.api.web.JsonAnswer;
import org.stockalerts.common.event.Symbol;

@RestController
@Tag(name = "Portfolio", description = "The caller's portfolio and holdings, valued at the latest prices")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PortfolioController {

    private final Portfolios portfolios;
    private final PortfolioReader reader;

    @GetMapping("/users/{id}/portfolio")
    @Operation(summary = "The user's portfolio with a valuation per holding and in total")
    @JsonAnswer(PortfolioExamples.PORTFOLIO)
    PortfolioView ofUser(@PathVariable UUID id, @CurrentUser UUID caller) {
        return reader.ofUser(requireSelf(id, caller));
    }

    @PostMapping("/users/{id}/portfolio")
    @Idempotent
    @Operation(
            summary = "Create or update the user's portfolio; holdings, when given, replace the current ones."
                    + " Without a body, create it (or return it as it is)")
    @JsonAnswer(status = HttpStatus.CREATED, value = PortfolioExamples.PORTFOLIO)
    ResponseEntity<PortfolioView> upsertOfUser(
            @PathVariable UUID id,
            @CurrentUser UUID caller,
            @Valid @RequestBody(required = false) PortfolioRequest request) {
        UUID userId = requireSelf(id, caller);
        if (request != null) {
            requireSelfIfNamed(request.userId(), caller);
        }
        return upserted(request == null ? portfolios.ensure(userId) : portfolios.upsert(userId, request));
    }

    @PostMapping("/portfolio")
    @Idempotent
    @Operation(summary = "Create or update the portfolio of the user named in the body (the caller)")
    @JsonAnswer(status = HttpStatus.CREATED, value = PortfolioExamples.PORTFOLIO)
    ResponseEntity<PortfolioView> upsert(@CurrentUser UUID caller, @Valid @RequestBody PortfolioRequest request) {
        UUID userId = requireSelfIfNamed(request.userId(), caller);
        return upserted(portfolios.upsert(userId, request));
    }

    @GetMapping("/portfolio/{id}")
    @Operation(summary = "A portfolio with a valuation per holding and in total")
    @JsonAnswer(PortfolioExamples.PORTFOLIO)
    PortfolioView get(@PathVariable UUID id, @CurrentUser UUID caller) {
        return reader.byId(caller, id);
    }

    @PostMapping("/portfolio/{id}/stocks")
    @Idempotent
    @Operation(
            summary = "Add a purchase (a new holding, or more of one held, average cost weighted) or, with only"
                    + " a symbol and a threshold, a watch entry; each threshold adds a price-at-or-above rule")
    @JsonAnswer(status = HttpStatus.CREATED, value = PortfolioExamples.HOLDING)
    ResponseEntity<Valuation.HoldingValue> addStock(
            @PathVariable UUID id, @CurrentUser UUID caller, @Valid @RequestBody HoldingRequest request) {
        HoldingEntity holding = portfolios.addHolding(caller, id, request);
        return ResponseEntity.created(URI.create("/portfolio/" + id + "/stocks/" + holding.symbol()))
                .body(reader.holding(holding));
    }

    @GetMapping("/portfolio/{id}/stocks")
    @Operation(summary = "The holdings of a portfolio, valued")
    @JsonAnswer(PortfolioExamples.HOLDINGS)
    List<Valuation.HoldingValue> stocks(@PathVariable UUID id, @CurrentUser UUID caller) {
        return reader.holdings(caller, id);
    }

    @PutMapping("/portfolio/{id}/stocks/{symbol}")
    @Operation(summary = "Set a holding's quantity, average cost and threshold price")
    @JsonAnswer(PortfolioExamples.HOLDING)
    Valuation.HoldingValue putStock(
            @PathVariable UUID id,
            @PathVariable String symbol,
            @CurrentUser UUID caller,
            @Valid @RequestBody HoldingRequest request) {
        return reader.holding(portfolios.putHolding(caller, id, Symbol.of(symbol), request));
    }

    @DeleteMapping("/portfolio/{id}/stocks/{symbol}")
    @Operation(summary = "Remove a holding (and its threshold rule)")
    ResponseEntity<Void> removeStock(@PathVariable UUID id, @PathVariable String symbol, @CurrentUser UUID caller) {
        portfolios.removeHolding(caller, id, Symbol.of(symbol));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<PortfolioView> upserted(Portfolios.Upserted result) {
        PortfolioView view = reader.view(result.portfolio());
        return result.created()
                ? ResponseEntity.created(URI.create("/portfolio/" + view.id())).body(view)
                : ResponseEntity.status(HttpStatus.OK).body(view);
    }
}
