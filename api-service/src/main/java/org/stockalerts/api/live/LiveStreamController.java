package org.stockalerts.api.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.stockalerts.api.security.CurrentUser;
import org.stockalerts.api.security.Ownership;
import org.stockalerts.common.event.Symbol;

@RestController
@Tag(name = "Live push", description = "Server-Sent Events streams of fired alerts and price ticks")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LiveStreamController {

    private final LiveHub hub;
    private final AlertStreams alertStreams;
    private final LiveSettings settings;

    @GetMapping(path = "/users/{id}/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "The user's alerts as they fire: events named 'alert', id = the alert's cursor, data = the"
                    + " AlertTriggered event. With Last-Event-ID (a cursor, or an alertId sent before cursors"
                    + " existed) the alerts after that one come first, then the live ones, each once.")
    @ApiResponse(
            responseCode = "200",
            description = "A stream of server-sent events (the alert data abridged here), with heartbeat comments",
            content =
                    @Content(
                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            examples = @ExampleObject(LiveExamples.ALERTS)))
    SseEmitter alerts(
            @PathVariable UUID id,
            @CurrentUser UUID caller,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Ownership.requireSelf(id, caller);
        SseEmitter emitter = new SseEmitter(settings.connectionTimeout().toMillis());
        alertStreams.open(id, lastEventId, emitter);
        return emitter;
    }

    @GetMapping(path = "/stocks/{symbol}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live price ticks of a symbol: events named 'tick', data = the PriceTick event")
    @ApiResponse(
            responseCode = "200",
            description = "A stream of server-sent events, with heartbeat comments",
            content =
                    @Content(
                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            examples = @ExampleObject(LiveExamples.TICKS)))
    SseEmitter ticks(@PathVariable String symbol, @CurrentUser UUID caller) {
        Symbol followed = Symbol.of(symbol);
        SseEmitter emitter = new SseEmitter(settings.connectionTimeout().toMillis());
        hub.open(caller, new LiveHub.SymbolTicks(followed), emitter).start(Replay.NONE);
        return emitter;
    }
}
