-- The server's half of the 管理 menu's card acts (needs desk_session.sql and token_check.sql), as
-- StaffDesk::checkCard and StaffDesk::resyncCard do them, within the desk's session: a customer's
-- card checked (its code proves it works; counted per card, locked at the staff limit) and an HOTP
-- card that ran ahead resynchronised with two codes in a row. The seeds never leave the server.

-- The card of `serial` (not retired), its row locked for this transaction, and its seed. state: ok,
-- not_found (t is NULL), tampered (the row fails its MAC), unavailable (the server holds no seed).
CREATE OR REPLACE FUNCTION hardtoken_card(serial text, OUT t public.tokens, OUT seed bytea, OUT state text)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
BEGIN
    SELECT * INTO t FROM public.tokens x WHERE x.serial = hardtoken_card.serial AND x.status <> 'retired'
        FOR UPDATE;
    IF NOT FOUND THEN
        state := 'not_found';
    ELSIF t.state_mac IS DISTINCT FROM public.hardtoken_token_mac(t) THEN
        state := 'tampered';
    ELSE
        seed := public.hardtoken_seed(t.id);
        state := CASE WHEN seed IS NULL THEN 'unavailable' ELSE 'ok' END;
    END IF;
END
$fn$;

-- カードの確認: the card's code checked, counted per card ("card:<serial>", the staff failure
-- limit; a locked card is lifted by an administrator's staff reset of that name). A right code
-- moves the card's state forward (forward only) and forgives its wrong ones. outcome:
--   works        the code is right (holder_*: who holds the card; drift: steps or counters off)
--   wrong        counted (remaining: tries left before the card's checks are locked); locked_now
--   locked       the card's checks are locked; used: the code was used before (not counted)
--   not_found    no such token (or retired); invalid, no_session, tampered, unavailable
CREATE OR REPLACE FUNCTION hardtoken_check_card_once(session text, serial text, otp text, OUT outcome text,
    OUT remaining integer, OUT holder_code text, OUT holder_name text, OUT holder_user text, OUT drift bigint)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
#variable_conflict use_column
DECLARE
    who text := public.hardtoken_session_login(session);
    actor text;
    lim integer := public.hardtoken_setting('staff_failure_limit', 5, 1, 100);
    look_ahead integer := public.hardtoken_setting('hotp_look_ahead', 10, 0, 100);
    skew integer := public.hardtoken_setting('totp_skew_steps', 1, 0, 10);
    max_drift integer := public.hardtoken_setting('totp_max_drift_steps', 2, 0, 10);
    card text := 'serial=' || serial;
    locked record;
    s public.signin_attempts;
    t public.tokens;
    holder bigint;
    seed bytea;
    held record;
    hit record;
    moved integer;
BEGIN
    remaining := 0;
    IF who IS NULL THEN
        outcome := 'no_session';
        RETURN;
    ELSIF coalesce(serial, '') !~ '^[0-9]{10}$' OR coalesce(otp, '') !~ '^[0-9]{6}$' THEN
        outcome := 'invalid';
        RETURN;
    END IF;
    actor := public.hardtoken_actor(who);
    locked := public.hardtoken_lock_attempts('card:' || serial);
    s := locked.s;
    IF locked.state <> 'ok' THEN
        outcome := locked.state;
        RETURN;
    ELSIF s.locked_at IS NOT NULL THEN
        PERFORM public.hardtoken_audit(actor, 'card.check.denied', 0, card || ' reason=locked');
        outcome := 'locked';
        RETURN;
    END IF;
    held := public.hardtoken_card(serial);
    t := held.t;
    seed := held.seed;
    IF held.state = 'not_found' THEN
        PERFORM public.hardtoken_audit(actor, 'card.check.denied', 0, card || ' reason=unknown');
        outcome := 'not_found';
        RETURN;
    ELSIF held.state <> 'ok' THEN
        outcome := held.state;
        RETURN;
    END IF;
    SELECT r.corporation_id, c.code, c.name, u.name INTO holder, holder_code, holder_name, holder_user
        FROM public.registrations r JOIN public.corporations c ON c.id = r.corporation_id
        LEFT JOIN public.users u ON u.id = r.user_id WHERE r.token_id = t.id;
    hit := public.hardtoken_find_code(t, seed, otp, look_ahead, skew, max_drift, false);
    IF hit.found_at IS NULL THEN
        IF (public.hardtoken_find_code(t, seed, otp, look_ahead, skew, max_drift, true)).found_at IS NOT NULL THEN
            PERFORM public.hardtoken_audit(actor, 'card.check.denied', holder, card || ' reason=used');
            outcome := 'used';
            RETURN;
        END IF;
        -- Wrong: counted per card (Lockout::card), locked at the limit.
        s.failures := s.failures + 1;
        PERFORM public.hardtoken_audit(actor, 'card.check_failed', holder, card || ' count=' || s.failures);
        outcome := 'wrong';
        IF s.failures >= lim THEN
            s.locked_at := public.hardtoken_now();
            PERFORM public.hardtoken_audit(actor, 'card.locked', holder, card);
            outcome := 'locked_now';
        END IF;
        remaining := greatest(0, lim - s.failures);
        PERFORM public.hardtoken_write_attempts(s);
        RETURN;
    END IF;
    -- Right: the card's state forward, only forward (TokenTable::advance).
    IF t.kind = 'hotp' THEN
        drift := hit.found_at - t.next_counter;
        t.next_counter := hit.found_at + 1;
    ELSE
        drift := hit.found_at - hit.now_step;
        t.last_step := hit.found_at;
        t.drift := drift;
    END IF;
    UPDATE public.tokens x SET next_counter = t.next_counter, last_step = t.last_step, drift = t.drift,
        status = CASE WHEN holder IS NOT NULL OR x.status = 'registered' THEN 'registered' ELSE 'available' END,
        state_mac = public.hardtoken_token_mac(t)
        WHERE x.id = t.id AND CASE WHEN x.kind = 'hotp' THEN x.next_counter < t.next_counter
            ELSE x.last_step < t.last_step END;
    GET DIAGNOSTICS moved = ROW_COUNT;
    IF moved <> 1 THEN
        outcome := 'used';
        RETURN;
    END IF;
    s.failures := s.in_flight;
    PERFORM public.hardtoken_write_attempts(s);
    PERFORM public.hardtoken_audit(actor, 'card.checked', holder, card || ' drift=' || drift);
    outcome := 'works';
END
$fn$;

-- カードの同期 (HOTP): the two codes the card showed in a row, found within 1,000 counters of its
-- next one (StaffDesk::ResyncWindow), move its counter past them. A reason is required and audited.
-- outcome: ok (moved_from, moved_to: the counter before and after), no_match (audited), not_found,
-- not_hotp, invalid (no acceptable reason, or not a serial and two codes), no_session, tampered,
-- unavailable.
CREATE OR REPLACE FUNCTION hardtoken_resync_card_once(session text, serial text, first_code text,
    second_code text, reason text, OUT outcome text, OUT moved_from bigint, OUT moved_to bigint)
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
#variable_conflict use_column
DECLARE
    who text := public.hardtoken_session_login(session);
    why text := public.hardtoken_reason(reason);
    actor text;
    t public.tokens;
    holder bigint;
    seed bytea;
    held record;
    previous text;
    next_code text;
    c bigint;
BEGIN
    IF who IS NULL THEN
        outcome := 'no_session';
        RETURN;
    ELSIF why IS NULL OR coalesce(serial, '') !~ '^[0-9]{10}$' OR coalesce(first_code, '') !~ '^[0-9]{6}$'
        OR coalesce(second_code, '') !~ '^[0-9]{6}$' THEN
        outcome := 'invalid';
        RETURN;
    END IF;
    actor := public.hardtoken_actor(who);
    held := public.hardtoken_card(serial);
    t := held.t;
    seed := held.seed;
    IF held.state = 'not_found' THEN
        outcome := 'not_found';
        RETURN;
    ELSIF t.kind <> 'hotp' THEN
        outcome := 'not_hotp';
        RETURN;
    ELSIF held.state <> 'ok' THEN
        outcome := held.state;
        RETURN;
    END IF;
    SELECT r.corporation_id INTO holder FROM public.registrations r WHERE r.token_id = t.id;
    moved_from := t.next_counter;
    previous := public.hardtoken_hotp(seed, t.next_counter, t.digits, t.algorithm);
    c := t.next_counter;
    WHILE c < moved_from + 1000 LOOP
        next_code := public.hardtoken_hotp(seed, c + 1, t.digits, t.algorithm);
        IF previous = first_code AND next_code = second_code THEN
            t.next_counter := c + 2;
            moved_to := t.next_counter;
            UPDATE public.tokens x SET next_counter = t.next_counter, state_mac = public.hardtoken_token_mac(t)
                WHERE x.id = t.id;
            PERFORM public.hardtoken_audit(actor, 'card.resynced', holder,
                format('serial=%s from=%s to=%s reason=%s', t.serial, moved_from, moved_to, why));
            outcome := 'ok';
            RETURN;
        END IF;
        previous := next_code;
        c := c + 1;
    END LOOP;
    PERFORM public.hardtoken_audit(actor, 'card.resync_failed', holder,
        format('serial=%s reason=%s', t.serial, why));
    outcome := 'no_match';
END
$fn$;
