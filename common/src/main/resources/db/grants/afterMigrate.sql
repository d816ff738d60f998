-- Runs after every migration of a service's schema, as its owner (a Flyway callback, not a migration; each
-- service's application.yml lists it after its own migrations): the one other service that reads this schema,
-- ${reader_role}, may SELECT exactly the tables in reader_tables and nothing else of it. A reader role that does not
-- exist (a test database) or that is this owner itself (one user for every service) is left alone.
DO $$
DECLARE
    reader CONSTANT text := '${reader_role}';
    owned CONSTANT text := '${flyway:defaultSchema}';
    item text;
BEGIN
    IF reader <> current_user AND EXISTS (SELECT FROM pg_roles WHERE rolname = reader) THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', owned, reader);
        FOREACH item IN ARRAY string_to_array('${reader_tables}', ',') LOOP
            EXECUTE format('GRANT SELECT ON %I.%I TO %I', owned, trim(item), reader);
        END LOOP;
    END IF;
END
$$;
