-- Rows imported from the Go version's database (import-seed): which seed row became which row here.
-- A row is recorded in the transaction that imports it, so a second import skips it.
CREATE TABLE seed_imports (
    seed_table  text        NOT NULL CHECK (seed_table IN ('users', 'portfolios', 'stocks')),
    seed_id     bigint      NOT NULL,
    new_id      uuid        NOT NULL,
    imported_at timestamptz NOT NULL,
    PRIMARY KEY (seed_table, seed_id)
);
