-- The server's half of the acts the corporation's 契約法人確認暗証番号 authorises: 9.1's usage mode and
-- 9.2's registration (the OK of 利用登録情報の一覧, or of the shared token), as
-- RegistrationService::changeUsageMode / commitQueue / commitShared do them, on the same rows with
-- the same MACs and audit (needs desk_session.sql and token_check.sql).
--
-- The PIN is proved as a staff password is: the desk derives the scrypt key with the parameters and
-- salt of the corporation's PIN hash (hardtoken_pin_kdf) and sends it; the server compares SHA-256
-- of it with SHA-256 of the hash's derived key, under the corporation's row lock.

CREATE OR REPLACE FUNCTION hardtoken_pin_kdf(corporation bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $fn$
    SELECT coalesce(
        (SELECT public.hardtoken_kdf_of(c.pin_hash) FROM public.corporations c WHERE c.id = $1),
        'scrypt$15$8$1$' || encode(substr(public.hmac(convert_to('corporation:' || $1, 'UTF8'),
            (SELECT k.key FROM public.server_keys k WHERE k.purpose = 'decoy'), 'sha256'), 1, 16), 'base64'))
$fn$;

-- The PIN check every PIN-authorised act starts with (RegistrationService::withPin), the
-- corporation's row locked. outcome:
--   right          the PIN is right: nothing written yet; `c` is the locked row, and the act
--                  forgives the failures it settles
--   wrong          counted (remaining: tries left before 利用中止); suspended_now: this one reached it
--   suspended      利用中止 already (by the PIN or the one-time passwords): not counted
--   try_again      every try left is being checked on another desk right now: not counted
--   pin_not_set, invalid, tampered (a row fails its MAC: nothing decided)
DROP FUNCTION IF EXISTS hardtoken_pin_gate(text, bigint, bytea);

CREATE FUNCTION hardtoken_pin_gate(actor text, corporation bigint, proof bytea,
    OUT outcome text, OUT remaining integer, OUT c public.corporations)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
#variable_conflict use_column
DECLARE
    pin_limit integer := public.hardtoken_setting('pin_failure_limit', 5, 1, 100);
    otp_limit integer := public.hardtoken_setting('otp_failure_limit', 5, 1, 100);
    locked record;
BEGIN
    remaining := 0;
    locked := public.hardtoken_lock_corporation(corporation);
    c := locked.c;
    IF locked.state <> 'ok' THEN
        outcome := locked.state;
        RETURN;
    ELSIF public.hardtoken_kdf_of(c.pin_hash) IS NULL THEN
        outcome := 'pin_not_set';
        RETURN;
    ELSIF c.suspended <> 0 OR c.otp_failures >= otp_limit THEN
        outcome := 'suspended';
        RETURN;
    ELSIF c.pin_failures >= pin_limit THEN
        outcome := 'try_again';
        RETURN;
    END IF;
    IF proof IS NOT NULL AND public.digest(proof, 'sha256') = public.hardtoken_verifier_of(c.pin_hash) THEN
        outcome := 'right';
        remaining := pin_limit - c.pin_failures;
        RETURN;
    END IF;
    -- Wrong: counted, and 利用中止 at the limit (Lockout::pin).
    SELECT f.outcome, f.remaining INTO outcome, remaining
        FROM public.hardtoken_count_failure(c, 'pin', actor, pin_limit, '') f;
END
$fn$;

-- 9.1: the usage mode set with the PIN. Changing it cancels every registration of the
-- corporation (利用形態を変更した場合、カード型ハードトークンの利用登録は解除されます); confirming it
-- unchanged is audited too. outcome: ok (cancelled: registrations cancelled), no_session,
-- invalid, or the PIN gate's.
CREATE OR REPLACE FUNCTION hardtoken_set_usage_mode_once(session text, corporation bigint, mode text, proof bytea,
    OUT outcome text, OUT remaining integer, OUT cancelled integer)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
#variable_conflict use_column
DECLARE
    who text := public.hardtoken_session_login(session);
    actor text;
    gate record;
    c public.corporations;
    before text;
BEGIN
    cancelled := 0;
    remaining := 0;
    IF who IS NULL THEN
        outcome := 'no_session';
        RETURN;
    ELSIF mode IS NULL OR mode NOT IN ('shared', 'individual') THEN
        outcome := 'invalid';
        RETURN;
    END IF;
    actor := public.hardtoken_actor(who);
    gate := public.hardtoken_pin_gate(actor, corporation, proof);
    outcome := gate.outcome;
    remaining := gate.remaining;
    IF outcome <> 'right' THEN
        RETURN;
    END IF;
    c := gate.c;
    before := c.usage_mode;
    IF before <> mode THEN
        UPDATE public.tokens t SET status = 'available'
            WHERE t.id IN (SELECT r.token_id FROM public.registrations r WHERE r.corporation_id = corporation);
        DELETE FROM public.registrations r WHERE r.corporation_id = corporation;
        GET DIAGNOSTICS cancelled = ROW_COUNT;
        DELETE FROM public.token_checks k WHERE k.corporation_id = corporation;
        c.usage_mode := mode;
    END IF;
    c.pin_failures := c.pin_in_flight;
    PERFORM public.hardtoken_write_corporation(c);
    PERFORM public.hardtoken_audit(actor, CASE WHEN before <> mode THEN 'usage_mode.changed' ELSE
        'usage_mode.confirmed' END, corporation, format('from=%s to=%s registrations_cancelled=%s %s', before, mode,
        cancelled, 'authorised=corporation-pin'));
    outcome := 'ok';
END
$fn$;

-- 9.2: the registrations committed with the PIN — individual: the users of 利用登録情報の一覧 with
-- their tokens; shared: one token for the corporation (users {NULL}). Each token must have been
-- checked right in this session (hardtoken_check_token) for that corporation and user; its state
-- moves to the checked one, forward only. All or nothing. outcome: ok, no_session, invalid,
-- wrong_mode, not_checked (a token without a right check of this session), already_used (another
-- desk committed that code or a later one first: detail is the user's name), held_by_other (a
-- token registered elsewhere since its check), or the PIN gate's.
CREATE OR REPLACE FUNCTION hardtoken_register_once(session text, corporation bigint, proof bytea, mode text,
    user_ids bigint[], token_ids bigint[], OUT outcome text, OUT remaining integer, OUT detail text)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
#variable_conflict use_column
DECLARE
    who text := public.hardtoken_session_login(session);
    sess bytea;
    actor text;
    gate record;
    c public.corporations;
    n integer := coalesce(array_length(token_ids, 1), 0);
    released integer := 0;
    k public.token_checks;
    t public.tokens;
    user_name text;
    i integer;
    moved integer;
BEGIN
    remaining := 0;
    IF who IS NULL THEN
        outcome := 'no_session';
        RETURN;
    ELSIF mode IS NULL OR mode NOT IN ('shared', 'individual') OR n = 0
        OR coalesce(array_length(user_ids, 1), 0) <> n OR (mode = 'shared' AND (n <> 1 OR user_ids[1] IS NOT NULL))
        OR (mode = 'individual' AND array_position(user_ids, NULL) IS NOT NULL) THEN
        outcome := 'invalid';
        RETURN;
    END IF;
    sess := public.digest(decode(session, 'hex'), 'sha256');
    actor := public.hardtoken_actor(who);
    gate := public.hardtoken_pin_gate(actor, corporation, proof);
    outcome := gate.outcome;
    remaining := gate.remaining;
    IF outcome <> 'right' THEN
        RETURN;
    END IF;
    c := gate.c;
    IF c.usage_mode <> mode THEN
        outcome := 'wrong_mode';
        RETURN;
    END IF;
    BEGIN
        -- 1. What the users (shared: the corporation) hold now is released, all at once.
        IF mode = 'shared' THEN
            WITH gone AS (DELETE FROM public.registrations r WHERE r.corporation_id = corporation
                AND r.user_id IS NULL RETURNING r.token_id)
            UPDATE public.tokens x SET status = 'available' FROM gone WHERE x.id = gone.token_id;
        ELSE
            WITH gone AS (DELETE FROM public.registrations r WHERE r.corporation_id = corporation
                AND r.user_id = ANY (user_ids) RETURNING r.token_id)
            UPDATE public.tokens x SET status = 'available' FROM gone WHERE x.id = gone.token_id;
        END IF;
        GET DIAGNOSTICS released = ROW_COUNT;
        FOR i IN 1 .. n LOOP
            SELECT * INTO k FROM public.token_checks x
                WHERE x.session = sess AND x.token_id = token_ids[i] AND x.corporation_id = corporation
                    AND x.user_id IS NOT DISTINCT FROM user_ids[i];
            IF NOT FOUND THEN
                RAISE EXCEPTION USING ERRCODE = 'HT002';
            END IF;
            SELECT * INTO t FROM public.tokens x WHERE x.id = k.token_id;
            SELECT u.name INTO user_name FROM public.users u WHERE u.id = user_ids[i];
            -- 2. The token's state forward, only forward (TokenTable::advance).
            t.next_counter := k.next_counter;
            t.last_step := k.last_step;
            t.drift := k.drift;
            UPDATE public.tokens x SET next_counter = t.next_counter, last_step = t.last_step, drift = t.drift,
                status = 'registered', state_mac = public.hardtoken_token_mac(t)
                WHERE x.id = t.id AND CASE WHEN x.kind = 'hotp' THEN x.next_counter < t.next_counter
                    ELSE x.last_step < t.last_step END;
            GET DIAGNOSTICS moved = ROW_COUNT;
            IF moved <> 1 THEN
                detail := user_name;
                RAISE EXCEPTION USING ERRCODE = 'HT001';
            END IF;
            -- 3. The registration (a token held by anyone else fails here).
            INSERT INTO public.registrations (corporation_id, user_id, token_id, since)
                VALUES (corporation, user_ids[i], t.id, public.hardtoken_now());
            PERFORM public.hardtoken_audit(actor, 'token.registered', corporation,
                format('user=%s serial=%s', coalesce(public.hardtoken_bounded(user_name, 64), '*'),
                    left(t.serial, 2) || '-' || substr(t.serial, 3, 7) || '-' || right(t.serial, 1))
                || CASE WHEN i = n THEN ' released=' || released ELSE '' END || ' authorised=corporation-pin');
        END LOOP;
        DELETE FROM public.token_checks x WHERE x.session = sess AND x.token_id = ANY (token_ids);
        c.otp_failures := 0;
        c.pin_failures := c.pin_in_flight;
        PERFORM public.hardtoken_write_corporation(c);
        IF mode = 'individual' THEN
            PERFORM public.hardtoken_audit(actor, 'registration.committed', corporation,
                format('entries=%s authorised=corporation-pin', n));
        END IF;
        outcome := 'ok';
    EXCEPTION
        WHEN SQLSTATE 'HT001' THEN
            outcome := 'already_used';
        WHEN SQLSTATE 'HT002' THEN
            outcome := 'not_checked';
        WHEN unique_violation THEN
            outcome := 'held_by_other';
    END;
END
$fn$;
