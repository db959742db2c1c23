-- The server's half of the 管理 menu's acts on a corporation and a staff login, done within the
-- desk's session (no password asked again) as StaffDesk does them: a reason is required and
-- audited, the acting staff member is named, an administrator-only act is refused to anyone else
-- (and that refusal audited). Needs desk_session.sql, token_check.sql and pin_acts.sql.

-- A reason as StaffDesk::act takes it: trimmed, 1 to 200 characters, no control character; NULL
-- when it is not acceptable.
CREATE OR REPLACE FUNCTION hardtoken_reason(reason text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $fn$
    SELECT CASE WHEN length(btrim($1)) BETWEEN 1 AND 200 AND btrim($1) !~ '[[:cntrl:]]' THEN btrim($1) END
$fn$;

-- The session's staff member as the actor of an administrator's act ("staff:<login>"), or NULL when
-- they are not an administrator: that refusal is audited ("<purpose>.denied reason=not-administrator").
CREATE OR REPLACE FUNCTION hardtoken_administrator(who text, purpose text) RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
DECLARE
    actor text := public.hardtoken_actor(who);
BEGIN
    IF EXISTS (SELECT 1 FROM public.staff t WHERE t.login = who AND t.role = 'admin' AND t.disabled = 0) THEN
        RETURN actor;
    END IF;
    PERFORM public.hardtoken_audit(actor, purpose || '.denied', 0, 'reason=not-administrator');
    RETURN NULL;
END
$fn$;

-- 利用中止の解除 (the counters reset with it). A row edited outside the rules is resealed as lifted
-- ("state=resealed"): the help desk's act is the recovery. outcome: ok, not_suspended (nothing to
-- lift), no_session, invalid (no such corporation, or no acceptable reason).
CREATE OR REPLACE FUNCTION hardtoken_unlock_once(session text, corporation bigint, reason text, OUT outcome text)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
#variable_conflict use_column
DECLARE
    who text := public.hardtoken_session_login(session);
    why text := public.hardtoken_reason(reason);
    locked record;
    c public.corporations;
    intact boolean;
BEGIN
    IF who IS NULL THEN
        outcome := 'no_session';
        RETURN;
    END IF;
    locked := public.hardtoken_lock_corporation(corporation);
    IF locked.state = 'invalid' OR why IS NULL THEN
        outcome := 'invalid';
        RETURN;
    END IF;
    c := locked.c;
    intact := locked.state = 'ok';
    IF NOT intact THEN
        c.pin_in_flight := 0;
    ELSIF c.suspended = 0 AND c.otp_failures = 0 AND c.pin_failures = c.pin_in_flight THEN
        outcome := 'not_suspended';
        RETURN;
    END IF;
    c.suspended := 0;
    c.suspended_at := NULL;
    c.suspended_reason := NULL;
    c.otp_failures := 0;
    c.pin_failures := c.pin_in_flight; -- tries still being checked on a desk stay counted
    PERFORM public.hardtoken_write_corporation(c);
    PERFORM public.hardtoken_audit(public.hardtoken_actor(who), 'corporation.unlocked', corporation,
        'reason=' || why || CASE WHEN intact THEN '' ELSE ' state=resealed' END);
    outcome := 'ok';
END
$fn$;

-- 誤入力回数のリセット: both counters to 0; 利用中止 stays (lifting it is hardtoken_unlock). outcome:
-- ok, nothing_to_reset, tampered, no_session, invalid.
CREATE OR REPLACE FUNCTION hardtoken_reset_counters_once(session text, corporation bigint, reason text, OUT outcome text)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
#variable_conflict use_column
DECLARE
    who text := public.hardtoken_session_login(session);
    why text := public.hardtoken_reason(reason);
    locked record;
    c public.corporations;
    before text;
BEGIN
    IF who IS NULL THEN
        outcome := 'no_session';
        RETURN;
    END IF;
    locked := public.hardtoken_lock_corporation(corporation);
    IF why IS NULL THEN
        outcome := 'invalid';
        RETURN;
    ELSIF locked.state <> 'ok' THEN
        outcome := locked.state;
        RETURN;
    END IF;
    c := locked.c;
    IF c.otp_failures = 0 AND c.pin_failures = c.pin_in_flight THEN
        outcome := 'nothing_to_reset';
        RETURN;
    END IF;
    before := format(' otp=%s pin=%s', c.otp_failures, c.pin_failures);
    c.otp_failures := 0;
    c.pin_failures := c.pin_in_flight;
    PERFORM public.hardtoken_write_corporation(c);
    PERFORM public.hardtoken_audit(public.hardtoken_actor(who), 'corporation.counters_reset',
        corporation, 'reason=' || why || before);
    outcome := 'ok';
END
$fn$;

-- 契約法人確認暗証番号の設定: the hash the desk made of the PIN the customer typed twice (the PIN
-- itself never reaches the server); the old PIN stops working at once. outcome: ok, no_session,
-- invalid (no such corporation, no reason, or not a hash of ours).
CREATE OR REPLACE FUNCTION hardtoken_set_pin_once(session text, corporation bigint, reason text, pin_hash text,
    OUT outcome text)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
#variable_conflict use_column
DECLARE
    who text := public.hardtoken_session_login(session);
    why text := public.hardtoken_reason(reason);
BEGIN
    IF who IS NULL THEN
        outcome := 'no_session';
        RETURN;
    ELSIF why IS NULL OR public.hardtoken_kdf_of(pin_hash) IS NULL THEN
        outcome := 'invalid';
        RETURN;
    END IF;
    UPDATE public.corporations x SET pin_hash = hardtoken_set_pin_once.pin_hash WHERE x.id = corporation;
    IF NOT FOUND THEN
        outcome := 'invalid';
        RETURN;
    END IF;
    PERFORM public.hardtoken_audit(public.hardtoken_actor(who), 'corporation.pin_set', corporation,
        'reason=' || why);
    outcome := 'ok';
END
$fn$;

-- A staff login's sign-in lock lifted (its failures forgiven): by ANOTHER administrator, in their
-- session. outcome: ok, not_administrator (audited as a refused staff.reset), own_login, not_found
-- (no sign-in record for that login), no_session, invalid (no reason).
CREATE OR REPLACE FUNCTION hardtoken_reset_staff_lock_once(session text, login text, reason text, OUT outcome text)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
#variable_conflict use_column
DECLARE
    who text := public.hardtoken_session_login(session);
    why text := public.hardtoken_reason(reason);
    actor text;
    s public.signin_attempts;
BEGIN
    IF who IS NULL THEN
        outcome := 'no_session';
        RETURN;
    ELSIF hardtoken_reset_staff_lock_once.login = who THEN
        outcome := 'own_login';
        RETURN;
    ELSIF why IS NULL THEN
        outcome := 'invalid';
        RETURN;
    END IF;
    actor := public.hardtoken_administrator(who, 'staff.reset');
    IF actor IS NULL THEN
        outcome := 'not_administrator';
        RETURN;
    END IF;
    SELECT * INTO s FROM public.signin_attempts a WHERE a.login = hardtoken_reset_staff_lock_once.login FOR UPDATE;
    IF NOT FOUND THEN
        outcome := 'not_found';
        RETURN;
    END IF;
    -- Resealed as forgiven, whatever the row said (an administrator's reset is the recovery).
    s.in_flight := greatest(0, s.in_flight);
    s.failures := s.in_flight;
    s.locked_at := NULL;
    UPDATE public.signin_attempts a SET failures = s.failures, in_flight = s.in_flight, locked_at = NULL,
        state_mac = public.hardtoken_signin_mac(s)
        WHERE a.login = s.login;
    PERFORM public.hardtoken_audit(actor, 'staff.reset', 0, format('login=%s reason=%s', s.login, why));
    outcome := 'ok';
END
$fn$;

-- 担当者の登録 (an administrator's act): the account, with the hash the desk made of the new staff
-- member's password (typed twice there; the password never reaches the server). The login has no
-- space, ':' or control character and at most 64 characters; the name defaults to the login.
-- outcome: ok, exists, not_administrator (audited), no_session, invalid.
CREATE OR REPLACE FUNCTION hardtoken_add_staff_once(session text, login text, name text, role text, credential_hash text,
    reason text, OUT outcome text)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
#variable_conflict use_column
DECLARE
    who text := public.hardtoken_session_login(session);
    why text := public.hardtoken_reason(reason);
    actor text;
BEGIN
    IF who IS NULL THEN
        outcome := 'no_session';
        RETURN;
    ELSIF why IS NULL OR coalesce(hardtoken_add_staff_once.login, '') !~ '^[^[:space:]:[:cntrl:]]{1,64}$'
        OR coalesce(hardtoken_add_staff_once.name, '') ~ '[[:cntrl:]]' OR hardtoken_add_staff_once.role NOT IN ('staff', 'admin')
        OR public.hardtoken_kdf_of(hardtoken_add_staff_once.credential_hash) IS NULL THEN
        outcome := 'invalid';
        RETURN;
    END IF;
    actor := public.hardtoken_administrator(who, 'staff.add');
    IF actor IS NULL THEN
        outcome := 'not_administrator';
        RETURN;
    ELSIF EXISTS (SELECT 1 FROM public.staff t WHERE t.login = hardtoken_add_staff_once.login) THEN
        outcome := 'exists';
        RETURN;
    END IF;
    INSERT INTO public.staff (login, name, credential_hash, role)
        VALUES (hardtoken_add_staff_once.login, coalesce(nullif(hardtoken_add_staff_once.name, ''), hardtoken_add_staff_once.login),
            hardtoken_add_staff_once.credential_hash, hardtoken_add_staff_once.role);
    PERFORM public.hardtoken_audit(actor, 'staff.created', 0,
        format('login=%s role=%s reason=%s', hardtoken_add_staff_once.login, hardtoken_add_staff_once.role, why));
    outcome := 'ok';
END
$fn$;

-- An account disabled (it signs in no more; its history stays) or enabled again: an administrator's
-- act, never on one's own login when disabling. outcome: ok, not_found, own_login,
-- not_administrator (audited), no_session, invalid (no reason).
CREATE OR REPLACE FUNCTION hardtoken_set_staff_disabled_once(session text, login text, disabled boolean, reason text,
    OUT outcome text)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
#variable_conflict use_column
DECLARE
    who text := public.hardtoken_session_login(session);
    why text := public.hardtoken_reason(reason);
    purpose text := CASE WHEN hardtoken_set_staff_disabled_once.disabled THEN 'staff.disable' ELSE 'staff.enable' END;
    actor text;
BEGIN
    IF who IS NULL THEN
        outcome := 'no_session';
        RETURN;
    ELSIF hardtoken_set_staff_disabled_once.disabled AND hardtoken_set_staff_disabled_once.login = who THEN
        outcome := 'own_login';
        RETURN;
    ELSIF why IS NULL OR hardtoken_set_staff_disabled_once.disabled IS NULL THEN
        outcome := 'invalid';
        RETURN;
    END IF;
    actor := public.hardtoken_administrator(who, purpose);
    IF actor IS NULL THEN
        outcome := 'not_administrator';
        RETURN;
    END IF;
    UPDATE public.staff t SET disabled = CASE WHEN hardtoken_set_staff_disabled_once.disabled THEN 1 ELSE 0 END
        WHERE t.login = hardtoken_set_staff_disabled_once.login;
    IF NOT FOUND THEN
        outcome := 'not_found';
        RETURN;
    END IF;
    PERFORM public.hardtoken_audit(actor,
        CASE WHEN hardtoken_set_staff_disabled_once.disabled THEN 'staff.disabled' ELSE 'staff.enabled' END, 0,
        format('login=%s reason=%s', hardtoken_set_staff_disabled_once.login, why));
    outcome := 'ok';
END
$fn$;
