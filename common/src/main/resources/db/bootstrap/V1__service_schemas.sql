-- The database bootstrap (bootstrap-db, as an administrator): each service's schema, owned by its role (and, at
-- every run, afterMigrate.sql hands the schema and everything in it to that role). The roles themselves exist by
-- now (DatabaseBootstrap creates them and sets their passwords at every run, since roles belong to the server, not
-- to this database). This history table is public.stockalerts_bootstrap_history, apart from the services' own; the
-- services' migrations never run here.

-- Nobody but an owner creates anything: the default since PostgreSQL 15, stated for older servers.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

CREATE SCHEMA IF NOT EXISTS api AUTHORIZATION ${api_role};
CREATE SCHEMA IF NOT EXISTS alerting AUTHORIZATION ${alerting_role};
CREATE SCHEMA IF NOT EXISTS persistence AUTHORIZATION ${persistence_role};
