package org.stockalerts.api.seedimport;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.stockalerts.api.user.UserAccounts;
import org.stockalerts.api.user.UserDtos;

/**
 * Seed users become users registered as {@code POST /users} registers them (validation, the
 * case-insensitive e-mail uniqueness, a new API key, {@code UserRegistered} in the outbox); each new
 * key goes to the keys file, and only there.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class UserImport {

    private final UserAccounts accounts;
    private final SeedMappings mappings;
    private final RowImports rows;

    void run(SeedReader seed, KeysFile keys, ImportReport report) throws SQLException {
        Map<Long, UUID> imported = mappings.imported(SeedTable.USERS);
        seed.eachKept(SeedTable.USERS, "u", "u.name, u.email", "users u", report, (id, row) -> {
            String name = row.getString("name");
            String email = row.getString("email");
            if (imported.containsKey(id)) {
                report.alreadyImported(SeedTable.USERS, 1);
            } else {
                rows.importRow(report, SeedTable.USERS, id, () -> {
                    rows.validate(new UserDtos.RegisterUser(name, email));
                    UserDtos.RegisteredUser user = accounts.register(name, email);
                    mappings.record(SeedTable.USERS, id, user.id());
                    keys.write(id, user.id(), user.email(), user.apiKey());
                });
            }
        });
    }
}
