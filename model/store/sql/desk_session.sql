-- The server's half of a shared store's desk session (hardtoken-cli server init installs it; every
-- statement can run again). The desks' role calls only the SECURITY DEFINER functions granted to it;
-- the tables here are the owner's alone.
--
-- The server writes the same rows as the console's C++ rules do, with the same MACs: the owner
-- gives it the keys derived from the data key for the purposes it writes ("state/signin",
-- "audit-chain", "state/audit-head"), never the data key itself, so a row or an audit entry
-- written here is verified by the console like its own, and the other way round.

CREATE TABLE IF NOT EXISTS server_keys (
    purpose text PRIMARY KEY,
    key bytea NOT NULL CHECK (octet_length(key) >= 32));

-- What a staff member's sign-in is checked against: the scrypt parameters and salt of their
-- credential hash (given to a desk, which derives the proof), and SHA-256 of the derived key (the
-- proof). The proof is never stored and the verifier is no password: a desk that learned it could
-- not sign in with it, and no desk can read it.
CREATE TABLE IF NOT EXISTS server_credentials (
    login text PRIMARY KEY,
    kdf text NOT NULL,
    verifier bytea NOT NULL);

-- Desk sessions: the session token's SHA-256 (the token itself is only on the desk), who opened it
-- and from which database role, and how it ended.
CREATE TABLE IF NOT EXISTS desk_sessions (
    digest bytea PRIMARY KEY,
    login text NOT NULL,
    db_role text NOT NULL,
    opened_at text NOT NULL,
    ended_at text,
    end_reason text);

-- The length-prefixed message every MAC of the console covers ("<bytes>:<utf-8>;" per field).
CREATE OR REPLACE FUNCTION hardtoken_fields(VARIADIC parts text[]) RETURNS bytea
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $fn$
    SELECT coalesce(string_agg(convert_to(octet_length(convert_to(p, 'UTF8'))::text || ':', 'UTF8')
        || convert_to(p, 'UTF8') || '\x3b'::bytea, ''::bytea ORDER BY i), ''::bytea)
    FROM unnest(parts) WITH ORDINALITY AS u(p, i)
$fn$;

-- HMAC-SHA256 (hex) under the key kept for `purpose`; NULL when there is none (nothing is written then).
CREATE OR REPLACE FUNCTION hardtoken_mac(purpose text, message bytea) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog AS $fn$
    SELECT encode(public.hmac(message, k.key, 'sha256'), 'hex') FROM public.server_keys k WHERE k.purpose = $1
$fn$;

-- AuditLog::bounded: a field cut to `max` characters, marking what was cut.
CREATE OR REPLACE FUNCTION hardtoken_bounded(t text, max integer) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $fn$
    SELECT CASE WHEN length(t) <= max THEN t ELSE left(t, max) || '…[+' || (length(t) - max) || ']' END
$fn$;

-- The audit actor of a staff member (Lockout::staffActor): "staff:<login>", the login bounded.
CREATE OR REPLACE FUNCTION hardtoken_actor(login text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $fn$
    SELECT 'staff:' || public.hardtoken_bounded($1, 64)
$fn$;

-- The console's clock format (UTC, ISO 8601 with milliseconds).
CREATE OR REPLACE FUNCTION hardtoken_now() RETURNS text
LANGUAGE sql VOLATILE SET search_path = pg_catalog AS $fn$
    SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$fn$;

-- A setting from meta (StoreSettings): the stored value when it is a number in range, else `fallback`.
CREATE OR REPLACE FUNCTION hardtoken_setting(name text, fallback integer, low integer, high integer) RETURNS integer
LANGUAGE plpgsql STABLE SET search_path = pg_catalog AS $fn$
DECLARE
    v text;
BEGIN
    SELECT m.value INTO v FROM public.meta m WHERE m.key = 'setting.' || name;
    IF v ~ '^-?[0-9]{1,9}$' AND v::integer BETWEEN low AND high THEN
        RETURN v::integer;
    END IF;
    RETURN fallback;
END
$fn$;

-- One audit entry, chained as AuditLog::append chains it (one writer at a time: the table lock),
-- with the head in meta. The database role of the session is written beside the details.
CREATE OR REPLACE FUNCTION hardtoken_audit(actor text, action text, corporation bigint, details text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
DECLARE
    last_id bigint;
    last_mac text;
    entry_at text := public.hardtoken_now();
    mac text;
    head text;
BEGIN
    actor := public.hardtoken_bounded(actor, 64);
    action := public.hardtoken_bounded(action, 64);
    details := public.hardtoken_bounded(concat_ws(' ', nullif(details, ''), 'db_role=' || session_user), 1024);
    LOCK TABLE public.audit_log IN SHARE ROW EXCLUSIVE MODE;
    SELECT a.id, a.mac INTO last_id, last_mac FROM public.audit_log a ORDER BY a.id DESC LIMIT 1;
    last_id := coalesce(last_id, 0) + 1;
    mac := public.hardtoken_mac('audit-chain', public.hardtoken_fields(coalesce(last_mac, ''), last_id::text,
        entry_at, actor, action, coalesce(corporation, 0)::text, details));
    head := public.hardtoken_mac('state/audit-head', public.hardtoken_fields(last_id::text, mac));
    IF mac IS NULL OR head IS NULL THEN
        RAISE EXCEPTION 'hardtoken: the server has no audit key (run hardtoken-cli server init)';
    END IF;
    INSERT INTO public.audit_log (id, at, actor, action, corporation_id, details, mac)
        VALUES (last_id, entry_at, actor, action, nullif(corporation, 0), details, mac);
    DELETE FROM public.meta WHERE key = 'audit.head';
    INSERT INTO public.meta (key, value) VALUES ('audit.head', last_id || ':' || mac || ':' || head);
END
$fn$;

-- The audit log is append-only for every role, the owner's too: a row is never changed or removed,
-- but by the owner's deliberate re-chaining in the transaction that swaps the data key (rotate-key
-- sets hardtoken.rechain for that transaction only). A superuser can still disable triggers: the
-- chain's MACs are what tells such an edit.
CREATE OR REPLACE FUNCTION hardtoken_audit_append_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('hardtoken.rechain', true) = 'on' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'hardtoken: the audit log is append-only (%)', TG_OP USING ERRCODE = '42501';
END
$fn$;

DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION hardtoken_audit_append_only();

DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION hardtoken_audit_append_only();

-- The sign-in counter's MAC (StaffTable's "signin" state: login, failures, in flight, locked at).
CREATE OR REPLACE FUNCTION hardtoken_signin_mac(s public.signin_attempts) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog AS $fn$
    SELECT public.hardtoken_mac('state/signin', public.hardtoken_fields(s.login, s.failures::text,
        s.in_flight::text, coalesce(s.locked_at, '')))
$fn$;

-- The counted attempts' row of `name` (a card: "card:<serial>"), made when missing, locked for this
-- transaction and its MAC checked. state: ok, or tampered (s is the row as found).
CREATE OR REPLACE FUNCTION hardtoken_lock_attempts(name text, OUT s public.signin_attempts, OUT state text)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
DECLARE
    created boolean;
BEGIN
    INSERT INTO public.signin_attempts (login, failures, in_flight, locked_at, state_mac)
        VALUES (name, 0, 0, NULL, '') ON CONFLICT ON CONSTRAINT signin_attempts_pkey DO NOTHING
        RETURNING true INTO created;
    SELECT * INTO s FROM public.signin_attempts a WHERE a.login = name FOR UPDATE;
    IF created THEN
        s.state_mac := public.hardtoken_signin_mac(s); -- the row just made, sealed at once
        UPDATE public.signin_attempts a SET state_mac = s.state_mac WHERE a.login = name;
        state := 'ok';
    ELSIF s.state_mac IS DISTINCT FROM public.hardtoken_signin_mac(s) THEN
        state := 'tampered';
    ELSE
        state := 'ok';
    END IF;
END
$fn$;

-- The attempts' row written back with its MAC.
CREATE OR REPLACE FUNCTION hardtoken_write_attempts(s public.signin_attempts) RETURNS void
LANGUAGE sql SET search_path = pg_catalog AS $fn$
    UPDATE public.signin_attempts a SET failures = s.failures, in_flight = s.in_flight, locked_at = s.locked_at,
        state_mac = public.hardtoken_signin_mac(s)
    WHERE a.login = s.login
$fn$;

-- What a desk derives the proof with: the scrypt parameters and salt of the login's credential,
-- or, for a login the server does not know, the same shape with a salt derived from the login, so
-- that the answer does not tell which logins exist.
CREATE OR REPLACE FUNCTION hardtoken_staff_kdf(login text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $fn$
    SELECT coalesce(
        (SELECT c.kdf FROM public.server_credentials c JOIN public.staff s ON s.login = c.login
            WHERE c.login = $1 AND s.disabled = 0),
        'scrypt$15$8$1$' || encode(substr(public.hmac(convert_to($1, 'UTF8'),
            (SELECT k.key FROM public.server_keys k WHERE k.purpose = 'decoy'), 'sha256'), 1, 16), 'base64'))
$fn$;

-- 担当者のサインイン on the server: counted and locked as StaffSignIn counts it on the desk (the same
-- row, the same limit and lapse settings, the same audit actions), and the check (one SHA-256 of the
-- proof) made under the row's lock. `token`: the session's token, drawn by the desk (32 random
-- bytes; the server keeps its SHA-256 only). outcome: signed_in (the session is open under
-- `token`), denied (remaining: tries left), locked, tampered (the counter's row fails its MAC:
-- nothing is decided). The desk calls it through hardtoken_sign_in (requests.sql).
DROP FUNCTION IF EXISTS hardtoken_sign_in(text, bytea);

CREATE OR REPLACE FUNCTION hardtoken_sign_in_once(login text, proof bytea, token bytea,
    OUT outcome text, OUT remaining integer)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
#variable_conflict use_column
DECLARE
    who text := login;
    actor text := public.hardtoken_actor(login);
    lim integer := public.hardtoken_setting('staff_failure_limit', 5, 1, 100);
    lapse integer := public.hardtoken_setting('staff_lock_lapse_minutes', 60, 0, 7 * 24 * 60);
    s public.signin_attempts;
    locked record;
    verifier bytea;
BEGIN
    remaining := 0;
    IF coalesce(who, '') = '' OR length(who) > 64 THEN
        PERFORM public.hardtoken_audit(actor, 'desk.sign_in.denied', 0, 'reason=login-length');
        outcome := 'denied';
        RETURN;
    END IF;
    locked := public.hardtoken_lock_attempts(who);
    s := locked.s;
    IF locked.state <> 'ok' THEN
        outcome := 'tampered';
        RETURN;
    END IF;
    -- A lock that has lapsed is lifted (attempts in flight on desks stay counted).
    IF s.locked_at IS NOT NULL AND lapse > 0
        AND clock_timestamp() - s.locked_at::timestamptz >= make_interval(mins => lapse) THEN
        PERFORM public.hardtoken_audit(actor, 'staff.lock_lapsed', 0,
            format('locked_at=%s minutes=%s', s.locked_at, lapse));
        s.locked_at := NULL;
        s.failures := s.in_flight;
    END IF;
    IF s.locked_at IS NOT NULL OR s.failures >= lim THEN
        PERFORM public.hardtoken_audit(actor, 'desk.sign_in.denied', 0, 'reason=locked');
        outcome := 'locked';
    ELSE
        SELECT c.verifier INTO verifier FROM public.server_credentials c JOIN public.staff t ON t.login = c.login
            WHERE c.login = who AND t.disabled = 0;
        IF verifier IS NOT NULL AND proof IS NOT NULL AND public.digest(proof, 'sha256') = verifier THEN
            s.failures := s.in_flight;
            INSERT INTO public.desk_sessions (digest, login, db_role, opened_at)
                VALUES (public.digest(token, 'sha256'), who, session_user, public.hardtoken_now());
            PERFORM public.hardtoken_audit(actor, 'desk.signed_in', 0, '');
            outcome := 'signed_in';
        ELSE
            s.failures := s.failures + 1;
            PERFORM public.hardtoken_audit(actor, 'desk.sign_in.denied', 0,
                format('reason=credential count=%s limit=%s', s.failures, lim));
            IF s.failures >= lim THEN
                s.locked_at := public.hardtoken_now();
                PERFORM public.hardtoken_audit(actor, 'staff.locked', 0, '');
                outcome := 'locked';
            ELSE
                outcome := 'denied';
                remaining := lim - s.failures;
            END IF;
        END IF;
    END IF;
    PERFORM public.hardtoken_write_attempts(s);
END
$fn$;

-- The staff member of an open session (NULL when the token is unknown or the session ended).
CREATE OR REPLACE FUNCTION hardtoken_session_login(session text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog AS $fn$
    SELECT d.login FROM public.desk_sessions d
        WHERE d.digest = CASE WHEN $1 ~ '^[0-9a-f]{64}$' THEN public.digest(decode($1, 'hex'), 'sha256') END
            AND d.ended_at IS NULL
$fn$;

-- サインアウト (or the idle lock, or the console closing): the session ends and says why. False
-- when it was not open.
CREATE OR REPLACE FUNCTION hardtoken_sign_out(session text, reason text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
#variable_conflict use_column
DECLARE
    who text;
BEGIN
    IF session !~ '^[0-9a-f]{64}$' OR reason !~ '^[a-z-]{1,32}$' THEN
        RETURN false;
    END IF;
    UPDATE public.desk_sessions d SET ended_at = public.hardtoken_now(), end_reason = reason
        WHERE d.digest = public.digest(decode(session, 'hex'), 'sha256') AND d.ended_at IS NULL
        RETURNING d.login INTO who;
    IF who IS NULL THEN
        RETURN false;
    END IF;
    PERFORM public.hardtoken_audit(public.hardtoken_actor(who), 'desk.signed_out', 0,
        'reason=' || reason);
    RETURN true;
END
$fn$;

-- A credential hash as the server checks it: its parameters and salt (the first five fields of
-- "scrypt$<log2 N>$<r>$<p>$<salt>$<hash>") and SHA-256 of the derived key; NULL when malformed.
CREATE OR REPLACE FUNCTION hardtoken_kdf_of(hash text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $fn$
    SELECT CASE WHEN $1 ~ '^scrypt\$[0-9]+\$[0-9]+\$[0-9]+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$'
        THEN regexp_replace($1, '\$[^$]*$', '') END
$fn$;

CREATE OR REPLACE FUNCTION hardtoken_verifier_of(hash text) RETURNS bytea
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $fn$
    SELECT CASE WHEN public.hardtoken_kdf_of($1) IS NOT NULL
        THEN public.digest(decode(split_part($1, '$', 6), 'base64'), 'sha256') END
$fn$;

-- Kept in step with the staff table, whoever writes it (the console as the owner, or a function).
CREATE OR REPLACE FUNCTION hardtoken_credential_sync() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
#variable_conflict use_column
BEGIN
    IF public.hardtoken_kdf_of(NEW.credential_hash) IS NULL THEN
        DELETE FROM public.server_credentials c WHERE c.login = NEW.login;
    ELSE
        INSERT INTO public.server_credentials (login, kdf, verifier)
            VALUES (NEW.login, public.hardtoken_kdf_of(NEW.credential_hash),
                public.hardtoken_verifier_of(NEW.credential_hash))
            ON CONFLICT ON CONSTRAINT server_credentials_pkey
            DO UPDATE SET kdf = EXCLUDED.kdf, verifier = EXCLUDED.verifier;
    END IF;
    RETURN NEW;
END
$fn$;

DROP TRIGGER IF EXISTS staff_server_credentials ON staff;

CREATE TRIGGER staff_server_credentials AFTER INSERT OR UPDATE OF login, credential_hash ON staff
    FOR EACH ROW EXECUTE FUNCTION hardtoken_credential_sync();

INSERT INTO server_credentials (login, kdf, verifier)
    SELECT s.login, hardtoken_kdf_of(s.credential_hash), hardtoken_verifier_of(s.credential_hash)
    FROM staff s WHERE hardtoken_kdf_of(s.credential_hash) IS NOT NULL
    ON CONFLICT ON CONSTRAINT server_credentials_pkey DO UPDATE SET kdf = EXCLUDED.kdf, verifier = EXCLUDED.verifier;

-- The store's id (meta store.id), by which a desk knows that a reconnection reached the same store.
CREATE OR REPLACE FUNCTION hardtoken_store_id() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $fn$
    SELECT m.value FROM public.meta m WHERE m.key = 'store.id'
$fn$;

-- The decoy salts' key: random, made once.
INSERT INTO server_keys (purpose, key) VALUES ('decoy', gen_random_bytes(32)) ON CONFLICT DO NOTHING;
