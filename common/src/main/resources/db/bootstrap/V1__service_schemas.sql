-- The database bootstrap (bootstrap-db, as an administrator): each service's schema, owned by its role. The roles
-- themselves exist by now (DatabaseBootstrap creates them and sets their passwords at every run, since roles belong
-- to the server, not to this database). This history table is public.stockalerts_bootstrap_history, apart from the
-- services' own; the services' migrations never run here.

-- Nobody but an owner creates anything: the default since PostgreSQL 15, stated for older servers.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

DO $$
DECLARE
    owners CONSTANT text[][] := ARRAY[['api', '${api_role}'],
                                      ['alerting', '${alerting_role}'],
                                      ['persistence', '${persistence_role}']];
    schema_name text;
    owner_name text;
    item record;
BEGIN
    FOR i IN 1 .. array_length(owners, 1) LOOP
        schema_name := owners[i][1];
        owner_name := owners[i][2];
        EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', schema_name, owner_name);
        EXECUTE format('ALTER SCHEMA %I OWNER TO %I', schema_name, owner_name);
        -- A schema an earlier version migrated as one user for all services: its tables, views, sequences (those
        -- of a column follow their table) and functions go to the owner, so the upgrade keeps every row.
        FOR item IN
            SELECT c.relname, c.relkind
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = schema_name
               AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
               AND c.relowner <> to_regrole(owner_name)
               AND NOT (c.relkind = 'S' AND EXISTS (SELECT FROM pg_depend d
                                                    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                                      AND d.deptype IN ('a', 'i')))
        LOOP
            EXECUTE format('ALTER %s %I.%I OWNER TO %I',
                           CASE item.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                             WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
                                             ELSE 'TABLE' END,
                           schema_name, item.relname, owner_name);
        END LOOP;
        FOR item IN
            SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS arguments
              FROM pg_proc p
              JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = schema_name AND p.proowner <> to_regrole(owner_name)
        LOOP
            EXECUTE format('ALTER ROUTINE %I.%I(%s) OWNER TO %I', schema_name, item.proname, item.arguments, owner_name);
        END LOOP;
    END LOOP;
END
$$;
