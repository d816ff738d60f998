-- At the end of every bootstrap-db run (a Flyway callback, as the administrator): each service's schema and
-- everything in it belongs to its role. This hands over a schema an earlier version migrated as one user for all
-- services (so an upgrade keeps every row), and whatever the administrator created there since (the daily price
-- partitions of ./stock-alerts import-seed).
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
        EXECUTE format('ALTER SCHEMA %I OWNER TO %I', schema_name, owner_name);
        -- tables, views, sequences (those of a column follow their table) and functions
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
