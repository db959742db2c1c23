-- The server's half of トークンの取り込み on a store ruled by it (needs desk_session.sql,
-- token_check.sql and staff_acts.sql): a vendor's token file read on a desk — which holds no key —
-- and its tokens sent once over the connection, each seed kept at once under the server's key
-- (server_seeds), never sealed on a desk. The tokens table keeps an empty `secret` for such a
-- token: its seed is the server's alone, and only the server checks its codes. As TokenImport::apply
-- does it on the console: an administrator's act, all or nothing (any refusal: nothing written),
-- a token already in the inventory unchanged when it is the same, replaced only when asked
-- (a registered token keeps its state and its kind), every token audited with the file's count.
--
-- `tokens`: a JSON array of {"serial", "kind" (hotp/totp), "algorithm" (sha1/sha256/sha512),
-- "digits" (6), "period" (30/60), "counter", "last_step", "drift", "seed" (hex, 1–128 bytes)}.
-- outcome: ok (imported, replaced, unchanged: the counts; detail: a letter per token in the
-- file's order, i imported, r replaced, u unchanged), refused (detail: a line per refused token,
-- "<position> <reason>": invalid, exists, tampered, registered-kind; nothing written),
-- not_administrator, no_session, invalid (no acceptable reason, or not an array of 1–100,000
-- tokens).
CREATE OR REPLACE FUNCTION hardtoken_import_tokens_once(session text, tokens jsonb, do_replace boolean,
    file_format text, reason text, OUT outcome text, OUT imported integer, OUT replaced integer,
    OUT unchanged integer, OUT detail text)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
#variable_conflict use_column
DECLARE
    who text := public.hardtoken_session_login(session);
    why text := public.hardtoken_reason(reason);
    actor text;
    seed_key text := (SELECT encode(k.key, 'hex') FROM public.server_keys k WHERE k.purpose = 'seed');
    refusals text[] := '{}';
    kinds text[] := '{}';
    item record;
    e jsonb;
    t public.tokens;
    seed bytea;
    kept bytea;
    registered boolean;
    params text;
    pass integer;
BEGIN
    imported := 0;
    replaced := 0;
    unchanged := 0;
    IF who IS NULL THEN
        outcome := 'no_session';
        RETURN;
    END IF;
    actor := public.hardtoken_administrator(who, 'tokens.import');
    IF actor IS NULL THEN
        outcome := 'not_administrator';
        RETURN;
    ELSIF why IS NULL OR jsonb_typeof(tokens) IS DISTINCT FROM 'array'
        OR jsonb_array_length(tokens) NOT BETWEEN 1 AND 100000 OR coalesce(file_format, '') !~ '^[a-z0-9-]{1,32}$' THEN
        outcome := 'invalid';
        RETURN;
    END IF;
    -- Two passes: the first only decides (refusals), the second writes when there is none.
    FOR pass IN 1..2 LOOP
        FOR item IN SELECT a.value, a.ordinality FROM jsonb_array_elements(tokens) WITH ORDINALITY a LOOP
            e := item.value;
            seed := CASE WHEN e ->> 'seed' ~ '^([0-9a-f]{2}){1,128}$' THEN decode(e ->> 'seed', 'hex') END;
            IF coalesce(e ->> 'serial', '') !~ '^[0-9]{10}$' OR e ->> 'kind' NOT IN ('hotp', 'totp')
                OR e ->> 'algorithm' NOT IN ('sha1', 'sha256', 'sha512') OR e ->> 'digits' IS DISTINCT FROM '6'
                OR e ->> 'period' NOT IN ('30', '60') OR seed IS NULL
                OR coalesce(e ->> 'counter', '') !~ '^[0-9]{1,18}$' OR coalesce(e ->> 'last_step', '') !~ '^-?[0-9]{1,18}$'
                OR coalesce(e ->> 'drift', '') !~ '^-?[0-9]{1,3}$' THEN
                refusals := refusals || (item.ordinality || ' invalid');
                CONTINUE;
            END IF;
            params := format('%s/%s/%s/%s', e ->> 'kind', e ->> 'algorithm', e ->> 'digits', e ->> 'period');
            SELECT * INTO t FROM public.tokens x WHERE x.serial = e ->> 'serial' FOR UPDATE;
            IF NOT FOUND THEN
                IF pass = 2 THEN
                    INSERT INTO public.tokens (serial, kind, algorithm, digits, period, secret, next_counter,
                        last_step, drift, status, state_mac)
                        VALUES (e ->> 'serial', e ->> 'kind', e ->> 'algorithm', 6, (e ->> 'period')::integer,
                            ''::bytea, (e ->> 'counter')::bigint, (e ->> 'last_step')::bigint,
                            (e ->> 'drift')::integer, 'available', '')
                        RETURNING * INTO t;
                    UPDATE public.tokens x SET state_mac = public.hardtoken_token_mac(t) WHERE x.id = t.id;
                    INSERT INTO public.server_seeds (token_id, sealed)
                        VALUES (t.id, public.pgp_sym_encrypt_bytea(seed, seed_key, 'cipher-algo=aes256'));
                    PERFORM public.hardtoken_audit(actor, 'token.imported', 0,
                        format('serial=%s params=%s', t.serial, params));
                    imported := imported + 1;
                    kinds := kinds || 'i'::text;
                END IF;
                CONTINUE;
            END IF;
            kept := public.hardtoken_seed(t.id);
            registered := t.status = 'registered' OR EXISTS (SELECT 1 FROM public.registrations r WHERE r.token_id = t.id);
            IF kept = seed AND t.kind = e ->> 'kind' AND t.algorithm = e ->> 'algorithm'
                AND t.period = (e ->> 'period')::integer AND t.status <> 'retired' THEN
                IF pass = 2 THEN
                    unchanged := unchanged + 1;
                    kinds := kinds || 'u'::text;
                END IF;
                CONTINUE;
            ELSIF NOT coalesce(do_replace, false) THEN
                refusals := refusals || (item.ordinality || ' exists');
                CONTINUE;
            ELSIF t.state_mac IS DISTINCT FROM public.hardtoken_token_mac(t) THEN
                refusals := refusals || (item.ordinality || ' tampered');
                CONTINUE;
            ELSIF registered AND t.kind <> e ->> 'kind' THEN
                refusals := refusals || (item.ordinality || ' registered-kind');
                CONTINUE;
            END IF;
            IF pass = 2 THEN
                -- A registered token keeps where it stands; a spare one starts from the vendor's state.
                t.kind := e ->> 'kind';
                t.algorithm := e ->> 'algorithm';
                t.period := (e ->> 'period')::integer;
                IF NOT registered THEN
                    t.next_counter := (e ->> 'counter')::bigint;
                    t.last_step := (e ->> 'last_step')::bigint;
                    t.drift := (e ->> 'drift')::integer;
                END IF;
                UPDATE public.tokens x SET kind = t.kind, algorithm = t.algorithm, period = t.period, secret = ''::bytea,
                    next_counter = t.next_counter, last_step = t.last_step, drift = t.drift,
                    status = CASE WHEN registered THEN 'registered' ELSE 'available' END,
                    state_mac = public.hardtoken_token_mac(t)
                    WHERE x.id = t.id;
                INSERT INTO public.server_seeds (token_id, sealed)
                    VALUES (t.id, public.pgp_sym_encrypt_bytea(seed, seed_key, 'cipher-algo=aes256'))
                    ON CONFLICT (token_id) DO UPDATE SET sealed = EXCLUDED.sealed;
                PERFORM public.hardtoken_audit(actor, 'token.replaced', coalesce((SELECT r.corporation_id
                    FROM public.registrations r WHERE r.token_id = t.id), 0),
                    format('serial=%s params=%s state=%s', t.serial, params,
                        CASE WHEN registered THEN 'kept' ELSE 'from-file' END));
                replaced := replaced + 1;
                kinds := kinds || 'r'::text;
            END IF;
        END LOOP;
        IF cardinality(refusals) > 0 THEN
            outcome := 'refused';
            detail := array_to_string(refusals, E'\n');
            RETURN;
        END IF;
    END LOOP;
    PERFORM public.hardtoken_audit(actor, 'tokens.imported', 0,
        format('format=%s imported=%s replaced=%s unchanged=%s reason=%s', file_format, imported, replaced, unchanged, why));
    outcome := 'ok';
    detail := array_to_string(kinds, '');
END
$fn$;

-- 名簿の取り込み on a store ruled by the server, as RosterImport::apply does it on the console: the
-- bank's roster of corporations and users, read and checked on a desk, sent in an administrator's
-- session. A corporation new to the store is added (its PIN not set, its mode 未設定, its row under
-- the console's MAC), a changed name renamed; a user is known by the bank's user ID within the
-- corporation, added or updated; the users of the file's corporations that the file no longer has
-- are reported, and removed with their registrations released only when pruning. All audited.
--
-- `roster`: a JSON array of {"corporation_code", "corporation_name", "user_id", "user_name",
-- "display_order"}. outcome: ok (the counts; detail: the missing users, "<code> / <user ID> <name>"
-- lines), not_administrator, no_session, invalid (no acceptable reason, not an array of 1–1,000,000
-- entries, or an entry the rules refuse: detail "<position>").
CREATE OR REPLACE FUNCTION hardtoken_import_roster_once(session text, roster jsonb, do_prune boolean, reason text,
    OUT outcome text, OUT corporations_added integer, OUT corporations_updated integer, OUT users_added integer,
    OUT users_updated integer, OUT unchanged integer, OUT removed integer, OUT detail text)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
#variable_conflict use_column
DECLARE
    who text := public.hardtoken_session_login(session);
    why text := public.hardtoken_reason(reason);
    actor text;
    item record;
    e jsonb;
    c public.corporations;
    u public.users;
    corporation_ids bigint[] := '{}';
    missing text[] := '{}';
    gone bigint[];
    serial text;
BEGIN
    corporations_added := 0;
    corporations_updated := 0;
    users_added := 0;
    users_updated := 0;
    unchanged := 0;
    removed := 0;
    IF who IS NULL THEN
        outcome := 'no_session';
        RETURN;
    END IF;
    actor := public.hardtoken_administrator(who, 'roster.import');
    IF actor IS NULL THEN
        outcome := 'not_administrator';
        RETURN;
    ELSIF why IS NULL OR jsonb_typeof(roster) IS DISTINCT FROM 'array'
        OR jsonb_array_length(roster) NOT BETWEEN 1 AND 1000000 THEN
        outcome := 'invalid';
        RETURN;
    END IF;
    FOR item IN SELECT a.value, a.ordinality FROM jsonb_array_elements(roster) WITH ORDINALITY a LOOP
        e := item.value;
        IF length(btrim(e ->> 'corporation_code')) NOT BETWEEN 1 AND 32
            OR length(btrim(e ->> 'corporation_name')) NOT BETWEEN 1 AND 200
            OR length(btrim(e ->> 'user_id')) NOT BETWEEN 1 AND 64 OR length(btrim(e ->> 'user_name')) NOT BETWEEN 1 AND 200
            OR concat(e ->> 'corporation_code', e ->> 'corporation_name', e ->> 'user_id', e ->> 'user_name') ~ '[[:cntrl:]]'
            OR coalesce(e ->> 'display_order', '') !~ '^-?[0-9]{1,9}$' THEN
            -- Nothing of the file is written.
            RAISE EXCEPTION USING MESSAGE = 'hardtoken: roster entry ' || item.ordinality, ERRCODE = 'HT001';
        END IF;
        SELECT * INTO c FROM public.corporations x WHERE x.code = e ->> 'corporation_code' FOR UPDATE;
        IF NOT FOUND THEN
            INSERT INTO public.corporations (code, name, pin_hash) VALUES (e ->> 'corporation_code',
                e ->> 'corporation_name', '') RETURNING * INTO c;
            PERFORM public.hardtoken_write_corporation(c);
            corporations_added := corporations_added + 1;
            PERFORM public.hardtoken_audit(actor, 'corporation.imported', c.id, 'code=' || c.code);
        ELSIF c.name IS DISTINCT FROM e ->> 'corporation_name' AND NOT c.id = ANY (corporation_ids) THEN
            UPDATE public.corporations x SET name = e ->> 'corporation_name' WHERE x.id = c.id;
            corporations_updated := corporations_updated + 1;
            PERFORM public.hardtoken_audit(actor, 'corporation.renamed', c.id, 'code=' || c.code);
        END IF;
        IF NOT c.id = ANY (corporation_ids) THEN
            corporation_ids := corporation_ids || c.id;
        END IF;
        SELECT * INTO u FROM public.users x WHERE x.corporation_id = c.id AND x.bank_id = e ->> 'user_id';
        IF NOT FOUND THEN
            INSERT INTO public.users (corporation_id, name, display_order, bank_id)
                VALUES (c.id, e ->> 'user_name', (e ->> 'display_order')::integer, e ->> 'user_id');
            users_added := users_added + 1;
            PERFORM public.hardtoken_audit(actor, 'user.imported', c.id,
                format('id=%s name=%s', e ->> 'user_id', e ->> 'user_name'));
        ELSIF u.name IS DISTINCT FROM e ->> 'user_name' OR u.display_order <> (e ->> 'display_order')::integer THEN
            UPDATE public.users x SET name = e ->> 'user_name', display_order = (e ->> 'display_order')::integer
                WHERE x.id = u.id;
            users_updated := users_updated + 1;
            PERFORM public.hardtoken_audit(actor, 'user.updated', c.id, format('id=%s name=%s order=%s',
                e ->> 'user_id', e ->> 'user_name', e ->> 'display_order'));
        ELSE
            unchanged := unchanged + 1;
        END IF;
    END LOOP;
    -- The file's corporations' users it no longer has.
    FOR c IN SELECT * FROM public.corporations x WHERE x.id = ANY (corporation_ids) ORDER BY x.id LOOP
        gone := '{}';
        FOR u IN SELECT * FROM public.users x WHERE x.corporation_id = c.id AND (x.bank_id IS NULL
                OR x.bank_id NOT IN (SELECT a.value ->> 'user_id' FROM jsonb_array_elements(roster) a
                    WHERE a.value ->> 'corporation_code' = c.code))
                ORDER BY x.display_order, x.id LOOP
            missing := missing || format('%s / %s %s', c.code, coalesce(u.bank_id, '-'), u.name);
            gone := gone || u.id;
            IF coalesce(do_prune, false) THEN
                SELECT t.serial INTO serial FROM public.registrations r JOIN public.tokens t ON t.id = r.token_id
                    WHERE r.corporation_id = c.id AND r.user_id = u.id;
                PERFORM public.hardtoken_audit(actor, 'user.removed', c.id, format('id=%s name=%s serial=%s',
                    coalesce(u.bank_id, '-'), u.name, coalesce(serial, '-')));
            END IF;
        END LOOP;
        IF coalesce(do_prune, false) AND cardinality(gone) > 0 THEN
            WITH released AS (DELETE FROM public.registrations r WHERE r.corporation_id = c.id
                    AND r.user_id = ANY (gone) RETURNING r.token_id)
                UPDATE public.tokens t SET status = 'available' WHERE t.id IN (SELECT token_id FROM released);
            DELETE FROM public.users x WHERE x.id = ANY (gone);
            removed := removed + cardinality(gone);
        END IF;
    END LOOP;
    PERFORM public.hardtoken_audit(actor, 'roster.imported', 0,
        format('corporations_added=%s corporations_updated=%s users_added=%s users_updated=%s unchanged=%s'
            ' removed=%s reason=%s', corporations_added, corporations_updated, users_added, users_updated, unchanged,
            removed, why));
    outcome := 'ok';
    detail := array_to_string(missing, E'\n');
EXCEPTION WHEN SQLSTATE 'HT001' THEN
    outcome := 'invalid';
    detail := substr(SQLERRM, length('hardtoken: roster entry ') + 1);
    corporations_added := 0;
    corporations_updated := 0;
    users_added := 0;
    users_updated := 0;
    unchanged := 0;
    removed := 0;
END
$fn$;
