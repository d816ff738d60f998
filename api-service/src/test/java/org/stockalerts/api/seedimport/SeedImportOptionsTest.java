package org.stockalerts.api.seedimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedImportOptionsTest {

    @Test
    void defaultsToTheGoVersionsVariablesAndTheirOwnDefaults() {
        SeedImportOptions options = SeedImportOptions.parse(List.of(), Map.of());

        assertThat(options)
                .isEqualTo(new SeedImportOptions(
                        "jdbc:postgresql://localhost:5432/stock_alerts",
                        "postgres",
                        "postgres",
                        Path.of("seed-keys.tsv")));
    }

    @Test
    void buildsTheSeedAddressFromDbVariables() {
        Map<String, String> env = Map.of(
                "DB_HOST", "go-db", "DB_PORT", "6543", "DB_NAME", "alerts", "DB_USER", "go", "DB_PASSWORD", "secret");

        SeedImportOptions options = SeedImportOptions.parse(List.of(), env);

        assertThat(options.from()).isEqualTo("jdbc:postgresql://go-db:6543/alerts");
        assertThat(options.user()).isEqualTo("go");
        assertThat(options.password()).isEqualTo("secret");
    }

    @Test
    void optionsWinOverTheVariables() {
        SeedImportOptions options = SeedImportOptions.parse(
                List.of(
                        "--from", "jdbc:postgresql://old:5432/go",
                        "--user", "reader",
                        "--password", "pw",
                        "--keys-out", "/tmp/keys.tsv"),
                Map.of("DB_HOST", "ignored", "DB_USER", "ignored", "DB_PASSWORD", "ignored"));

        assertThat(options)
                .isEqualTo(new SeedImportOptions(
                        "jdbc:postgresql://old:5432/go", "reader", "pw", Path.of("/tmp/keys.tsv")));
    }

    @Test
    void refusesAnUnknownArgumentAnOptionWithoutValueAndANonPostgresAddress() {
        assertThatThrownBy(() -> SeedImportOptions.parse(List.of("--nope", "x"), Map.of()))
                .hasMessage("unknown argument '--nope'");
        assertThatThrownBy(() -> SeedImportOptions.parse(List.of("--from"), Map.of()))
                .hasMessage("--from needs a value");
        assertThatThrownBy(() -> SeedImportOptions.parse(List.of("--from", "jdbc:mysql://h/db"), Map.of()))
                .hasMessageContaining("must be a PostgreSQL JDBC URL");
    }

    @Test
    void neverShowsThePassword() {
        SeedImportOptions options = SeedImportOptions.parse(List.of("--password", "hunter2"), Map.of());

        assertThat(options.toString()).doesNotContain("hunter2");
    }
}
