-- The server's half of 9.2.2's token check (入力完了 for one serial and one-time password): the
-- seeds kept by the server, the check computed by it, the wrong entries counted and 利用中止 applied
-- as RegistrationService::checkToken does, on the same rows with the same MACs (needs
-- desk_session.sql). A right code is kept as this session's pending check, for the commit that
-- registers it: a desk never gives the server a token state to write.

-- Token seeds under a key of the server's own (pgcrypto's OpenPGP symmetric encryption, AES-256,
-- with its integrity check), made by the owner's `server init` from the secrets the console sealed
-- with the data key: sent once over the owner's connection.
CREATE TABLE IF NOT EXISTS server_seeds (
    token_id bigint PRIMARY KEY REFERENCES tokens(id) ON DELETE CASCADE,
    sealed bytea NOT NULL);

CREATE TABLE IF NOT EXISTS token_checks (
    session bytea NOT NULL REFERENCES desk_sessions(digest) ON DELETE CASCADE,
    token_id bigint NOT NULL REFERENCES tokens(id) ON DELETE CASCADE,
    corporation_id bigint NOT NULL,
    user_id bigint,
    next_counter bigint NOT NULL,
    last_step bigint NOT NULL,
    drift integer NOT NULL,
    checked_at text NOT NULL,
    PRIMARY KEY (session, token_id));

INSERT INTO server_keys (purpose, key) VALUES ('seed', gen_random_bytes(32)) ON CONFLICT DO NOTHING;

-- The owner's: a token's seed kept (again) under the server's key.
CREATE OR REPLACE FUNCTION hardtoken_keep_seed(token bigint, seed bytea) RETURNS void
LANGUAGE sql SET search_path = pg_catalog AS $fn$
    INSERT INTO public.server_seeds (token_id, sealed)
        VALUES (token, public.pgp_sym_encrypt_bytea(seed,
            (SELECT encode(k.key, 'hex') FROM public.server_keys k WHERE k.purpose = 'seed'), 'cipher-algo=aes256'))
        ON CONFLICT (token_id) DO UPDATE SET sealed = EXCLUDED.sealed
$fn$;

-- CorporationTable's state MAC (id, mode, OTP and PIN failures, PIN tries in flight, suspension).
CREATE OR REPLACE FUNCTION hardtoken_corporation_mac(c public.corporations) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog AS $fn$
    SELECT public.hardtoken_mac('state/corporation', public.hardtoken_fields(c.id::text, c.usage_mode,
        c.otp_failures::text, c.pin_failures::text, c.pin_in_flight::text, c.suspended::text,
        coalesce(c.suspended_at, ''), coalesce(c.suspended_reason, '')))
$fn$;

-- TokenTable's state MAC (serial, next counter, last step, drift).
CREATE OR REPLACE FUNCTION hardtoken_token_mac(t public.tokens) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog AS $fn$
    SELECT public.hardtoken_mac('state/token', public.hardtoken_fields(t.serial, t.next_counter::text,
        t.last_step::text, t.drift::text))
$fn$;

-- The corporation's row written back with its MAC.
CREATE OR REPLACE FUNCTION hardtoken_write_corporation(c public.corporations) RETURNS void
LANGUAGE sql SET search_path = pg_catalog AS $fn$
    UPDATE public.corporations x SET usage_mode = c.usage_mode, otp_failures = c.otp_failures,
        pin_failures = c.pin_failures, pin_in_flight = c.pin_in_flight, suspended = c.suspended,
        suspended_at = c.suspended_at, suspended_reason = c.suspended_reason,
        state_mac = public.hardtoken_corporation_mac(c)
    WHERE x.id = c.id
$fn$;

-- The corporation's row locked for this transaction and its MAC checked (CorporationTable::lock).
-- state: ok, invalid (no such corporation: c is NULL), tampered (c is the row as found).
CREATE OR REPLACE FUNCTION hardtoken_lock_corporation(corporation bigint, OUT c public.corporations, OUT state text)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
BEGIN
    SELECT * INTO c FROM public.corporations x WHERE x.id = corporation FOR UPDATE;
    IF NOT FOUND THEN
        state := 'invalid';
    ELSIF c.state_mac IS DISTINCT FROM public.hardtoken_corporation_mac(c) THEN
        state := 'tampered';
    ELSE
        state := 'ok';
    END IF;
END
$fn$;

-- The tail of every wrong entry counted on a corporation (Lockout::otp and Lockout::pin over
-- CountedAttempt::atLimit, written once here as there): the failure counted and audited
-- (token.failure / pin.failure, "count=N limit=L" and `details`), 利用中止 applied and audited at the
-- limit, the row written with its MAC. outcome: wrong, or suspended_now; remaining: tries left.
CREATE OR REPLACE FUNCTION hardtoken_count_failure(c public.corporations, kind text, actor text, lim integer,
    details text, OUT outcome text, OUT remaining integer)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
DECLARE
    failures integer;
BEGIN
    IF kind = 'otp' THEN
        c.otp_failures := c.otp_failures + 1;
        failures := c.otp_failures;
    ELSE
        c.pin_failures := c.pin_failures + 1;
        failures := c.pin_failures;
    END IF;
    PERFORM public.hardtoken_audit(actor, CASE WHEN kind = 'otp' THEN 'token.failure' ELSE 'pin.failure' END, c.id,
        format('count=%s limit=%s', failures, lim) || details);
    outcome := 'wrong';
    IF failures >= lim THEN
        c.suspended := 1;
        c.suspended_at := public.hardtoken_now();
        c.suspended_reason := kind;
        PERFORM public.hardtoken_audit(actor, 'corporation.suspended', c.id, 'reason=' || kind);
        outcome := 'suspended_now';
    END IF;
    remaining := lim - failures;
    PERFORM public.hardtoken_write_corporation(c);
END
$fn$;

-- A token's seed, opened with the server's key; NULL when the server holds none.
CREATE OR REPLACE FUNCTION hardtoken_seed(token bigint) RETURNS bytea
LANGUAGE sql STABLE SET search_path = pg_catalog AS $fn$
    SELECT public.pgp_sym_decrypt_bytea(s.sealed,
            (SELECT encode(k.key, 'hex') FROM public.server_keys k WHERE k.purpose = 'seed'))
        FROM public.server_seeds s WHERE s.token_id = token
$fn$;

-- Where `otp` is found for `t` (OtpVerifier::verify): the first counter or time step of the window
-- whose code it is, or NULL. HOTP: the next counter and `look_ahead` after it; TOTP: the steps
-- around now (the recorded drift, `skew`, at most `max_drift` away), after the last step used.
-- `now_step`: the current time step (TOTP). `from_start`: the window as if nothing had been used
-- (HOTP from `look_ahead` before the next counter, TOTP any step): a code used before is found.
CREATE OR REPLACE FUNCTION hardtoken_find_code(t public.tokens, seed bytea, otp text, look_ahead integer,
    skew integer, max_drift integer, from_start boolean, OUT found_at bigint, OUT now_step bigint)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog AS $fn$
DECLARE
    centre bigint;
    first_step bigint;
    last_step bigint;
    i bigint;
BEGIN
    IF t.kind = 'hotp' THEN
        first_step := CASE WHEN from_start THEN greatest(t.next_counter - look_ahead, 0) ELSE t.next_counter END;
        last_step := t.next_counter + look_ahead;
    ELSE
        now_step := floor(extract(epoch FROM clock_timestamp()) / t.period)::bigint;
        centre := now_step + greatest(-max_drift, least(t.drift, max_drift));
        first_step := greatest(centre - skew, now_step - max_drift,
            CASE WHEN from_start THEN 0 ELSE t.last_step + 1 END, 0);
        last_step := least(centre + skew, now_step + max_drift);
    END IF;
    -- Every candidate computed, the first that matches taken (the time taken does not say where).
    i := first_step;
    WHILE i <= last_step LOOP
        IF public.hardtoken_hotp(seed, i, t.digits, t.algorithm) = otp AND found_at IS NULL THEN
            found_at := i;
        END IF;
        i := i + 1;
    END LOOP;
END
$fn$;

-- 入力完了 for one token. outcome:
--   ok             the code is right: kept as this session's check (remaining: tries left)
--   wrong          a wrong serial or code, counted (remaining: tries left before 利用中止)
--   suspended_now  this wrong entry reached the limit: the corporation is 利用中止 now
--   suspended      the corporation was already 利用中止 (not counted)
--   mode_not_set, wrong_mode, no_user, held_by_other, invalid (not counted)
--   no_session     the session is not open; tampered: a row fails its MAC (nothing decided);
--   unavailable    the server holds no seed for the token (server init not run since its import)
CREATE OR REPLACE FUNCTION hardtoken_check_token_once(session text, corporation bigint, serial text, otp text,
    mode text, user_id bigint, OUT outcome text, OUT token_id bigint, OUT remaining integer)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
#variable_conflict use_column
DECLARE
    who text := public.hardtoken_session_login(session);
    actor text;
    lim integer := public.hardtoken_setting('otp_failure_limit', 5, 1, 100);
    look_ahead integer := public.hardtoken_setting('hotp_look_ahead', 10, 0, 100);
    skew integer := public.hardtoken_setting('totp_skew_steps', 1, 0, 10);
    max_drift integer := public.hardtoken_setting('totp_max_drift_steps', 2, 0, 10);
    locked record;
    c public.corporations;
    t public.tokens;
    holder_corporation bigint;
    holder_user bigint;
    seed bytea;
    found_at bigint;
    now_step bigint;
BEGIN
    remaining := 0;
    IF who IS NULL THEN
        outcome := 'no_session';
        RETURN;
    END IF;
    actor := public.hardtoken_actor(who);
    locked := public.hardtoken_lock_corporation(corporation);
    IF locked.state <> 'ok' THEN
        outcome := locked.state;
        RETURN;
    END IF;
    c := locked.c;
    -- Entry refusals (RegistrationService::entryRefusal), none counted.
    IF c.suspended <> 0 OR c.otp_failures >= lim THEN
        outcome := 'suspended';
        RETURN;
    ELSIF c.usage_mode = 'unset' THEN
        outcome := 'mode_not_set';
        RETURN;
    ELSIF c.usage_mode IS DISTINCT FROM mode THEN
        outcome := 'wrong_mode';
        RETURN;
    ELSIF mode = 'individual' AND NOT EXISTS (
        SELECT 1 FROM public.users u WHERE u.id = user_id AND u.corporation_id = corporation) THEN
        outcome := 'no_user';
        RETURN;
    END IF;
    IF serial !~ '^[0-9]{10}$' OR otp !~ '^[0-9]{6}$' THEN
        outcome := 'invalid';
        RETURN;
    END IF;
    IF mode = 'shared' THEN
        user_id := NULL;
    END IF;
    remaining := lim - c.otp_failures;
    SELECT * INTO t FROM public.tokens x WHERE x.serial = hardtoken_check_token_once.serial;
    IF FOUND THEN
        SELECT r.corporation_id, r.user_id INTO holder_corporation, holder_user
            FROM public.registrations r WHERE r.token_id = t.id;
    END IF;
    -- Unknown, retired, or another corporation's token: the same wrong entry as a wrong code.
    IF t.id IS NOT NULL AND t.status <> 'retired'
        AND (holder_corporation IS NULL OR holder_corporation = corporation) THEN
        IF holder_corporation = corporation AND holder_user IS DISTINCT FROM user_id THEN
            outcome := 'held_by_other';
            RETURN;
        END IF;
        IF t.state_mac IS DISTINCT FROM public.hardtoken_token_mac(t) THEN
            outcome := 'tampered';
            RETURN;
        END IF;
        seed := public.hardtoken_seed(t.id);
        IF seed IS NULL THEN
            outcome := 'unavailable';
            RETURN;
        END IF;
        SELECT f.found_at, f.now_step INTO found_at, now_step
            FROM public.hardtoken_find_code(t, seed, otp, look_ahead, skew, max_drift, false) f;
    END IF;
    IF found_at IS NOT NULL THEN
        token_id := t.id;
        INSERT INTO public.token_checks (session, token_id, corporation_id, user_id, next_counter, last_step,
            drift, checked_at)
            VALUES (public.digest(decode(session, 'hex'), 'sha256'), t.id, corporation, user_id,
                CASE WHEN t.kind = 'hotp' THEN found_at + 1 ELSE t.next_counter END,
                CASE WHEN t.kind = 'hotp' THEN t.last_step ELSE found_at END,
                CASE WHEN t.kind = 'hotp' THEN t.drift ELSE found_at - now_step END, public.hardtoken_now())
            ON CONFLICT (session, token_id) DO UPDATE SET corporation_id = EXCLUDED.corporation_id,
                user_id = EXCLUDED.user_id, next_counter = EXCLUDED.next_counter, last_step = EXCLUDED.last_step,
                drift = EXCLUDED.drift, checked_at = EXCLUDED.checked_at;
        outcome := 'ok';
        RETURN;
    END IF;
    -- Wrong: counted, and 利用中止 at the limit (Lockout::otp).
    SELECT f.outcome, f.remaining INTO outcome, remaining
        FROM public.hardtoken_count_failure(c, 'otp', actor, lim, ' serial=' || serial) f;
END
$fn$;
