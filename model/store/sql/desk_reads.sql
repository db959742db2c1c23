-- What a desk with no key reads through the server (needs desk_session.sql and token_check.sql):
-- the store's configuration, and a corporation's state with the server's word on its MAC — the desk
-- cannot check a MAC itself, so the server, which holds the key for it, does.

-- The store's configuration (meta's setting.* entries: limits, idle minutes, windows; and the
-- bank's screen IDs, screen_id.*): nothing secret.
CREATE OR REPLACE FUNCTION hardtoken_configuration() RETURNS TABLE (key text, value text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $fn$
    SELECT m.key, m.value FROM public.meta m WHERE m.key LIKE 'setting.%' OR m.key LIKE 'screen\_id.%'
$fn$;

-- A corporation as CorporationTable::info reads it, `intact` telling whether its state's MAC holds.
CREATE OR REPLACE FUNCTION hardtoken_corporation(corporation bigint) RETURNS TABLE (code text, name text,
    id bigint, usage_mode text, otp_failures integer, pin_failures integer, pin_in_flight integer,
    suspended integer, suspended_at text, suspended_reason text, intact boolean, registered bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $fn$
    SELECT c.code, c.name, c.id, c.usage_mode, c.otp_failures, c.pin_failures, c.pin_in_flight, c.suspended,
        c.suspended_at, c.suspended_reason, c.state_mac IS NOT DISTINCT FROM public.hardtoken_corporation_mac(c),
        (SELECT COUNT(*) FROM public.registrations r WHERE r.corporation_id = c.id)
    FROM public.corporations c WHERE c.id = $1
$fn$;
