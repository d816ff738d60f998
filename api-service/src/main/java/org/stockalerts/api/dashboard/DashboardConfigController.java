package org.stockalerts.api.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's own settings for its page: a file of the dashboard (public, its headers), not an API route. */
@Hidden
@RestController
@RequiredArgsConstructor
class DashboardConfigController {

    private final DashboardSignIn signIn;

    @GetMapping(DashboardPaths.CONFIG)
    DashboardSignIn config() {
        return signIn;
    }
}
