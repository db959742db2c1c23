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

-- The audit chain verified by the server, which holds its key, as AuditLog::verify does it on the
-- console: every entry in order with no gap and its MAC, then the head. kind: '' (whole),
-- deleted or altered (at: the entry), no_head, head_altered, truncated (head_id: what the head
-- says); entries: those verified before the first problem.
CREATE OR REPLACE FUNCTION hardtoken_verify_audit(OUT kind text, OUT entries bigint, OUT at_id bigint,
    OUT head_id bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
    a public.audit_log;
    previous text := '';
    expected bigint := 1;
    head text;
    parts text[];
BEGIN
    kind := '';
    entries := 0;
    FOR a IN SELECT * FROM public.audit_log x ORDER BY x.id LOOP
        IF a.id <> expected THEN
            kind := 'deleted';
            at_id := expected;
            RETURN;
        ELSIF a.mac IS DISTINCT FROM public.hardtoken_mac('audit-chain', public.hardtoken_fields(previous,
                a.id::text, a.at, a.actor, a.action, coalesce(a.corporation_id, 0)::text, a.details)) THEN
            kind := 'altered';
            at_id := a.id;
            RETURN;
        END IF;
        previous := a.mac;
        expected := expected + 1;
        entries := entries + 1;
    END LOOP;
    at_id := expected;
    SELECT m.value INTO head FROM public.meta m WHERE m.key = 'audit.head';
    parts := string_to_array(coalesce(head, ''), ':');
    IF cardinality(parts) <> 3 THEN
        kind := 'no_head';
    ELSIF parts[1] !~ '^[0-9]{1,18}$' OR parts[3] IS DISTINCT FROM
            public.hardtoken_mac('state/audit-head', public.hardtoken_fields(parts[1], parts[2])) THEN
        kind := 'head_altered';
    ELSIF parts[1]::bigint <> expected - 1 OR parts[2] <> previous THEN
        kind := 'truncated';
        head_id := parts[1]::bigint;
        at_id := least(head_id, expected - 1) + 1;
    END IF;
END
$fn$;

-- An audit export made at a desk, recorded in the log (audit.exported, as AuditExport::write
-- records it): the rows written and the file's SHA-256, in the name of the session's staff member.
CREATE OR REPLACE FUNCTION hardtoken_note_export_once(session text, exported_rows integer, sha256 text,
    OUT outcome text)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
DECLARE
    who text := public.hardtoken_session_login(session);
BEGIN
    IF who IS NULL THEN
        outcome := 'no_session';
    ELSIF exported_rows IS NULL OR exported_rows < 0 OR coalesce(sha256, '') !~ '^[0-9a-f]{64}$' THEN
        outcome := 'invalid';
    ELSE
        PERFORM public.hardtoken_audit(public.hardtoken_actor(who), 'audit.exported', 0,
            format('rows=%s sha256=%s', exported_rows, sha256));
        outcome := 'ok';
    END IF;
END
$fn$;
