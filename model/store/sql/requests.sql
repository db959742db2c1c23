-- Every act a desk asks the server for is answered once (needs the other scripts: it wraps their
-- acts, hardtoken_<act>_once, which no desk may call itself).
--
-- A desk names each request with a random id (128 bits, drawn anew for each act). The server keeps
-- the act's answer under the id's SHA-256, in the transaction that does the act, so both are kept
-- or neither is. Asked again with the same id — a desk whose connection broke after the server
-- committed but before the answer came back asks again as soon as it has reconnected — the server
-- gives the answer it kept and does nothing: a wrong entry is not counted twice, a registration is
-- not refused because its own first try used the check, an account is not reported as taken by
-- its own creation. A request still running on a connection the server has not yet found broken
-- holds its id: the second ask waits for it, then gets its answer (or, when it was rolled back,
-- runs). Answers are kept for a day.

CREATE TABLE IF NOT EXISTS server_requests (
    digest bytea PRIMARY KEY,
    act text NOT NULL,
    asked_at timestamptz NOT NULL,
    answer jsonb);

CREATE INDEX IF NOT EXISTS server_requests_asked_at ON server_requests (asked_at);

-- The answer kept for `request` (it must name the same act), or NULL when the request is new: it is
-- then claimed by this transaction, and hardtoken_answer() keeps the act's answer.
CREATE OR REPLACE FUNCTION hardtoken_answered(request text, act text) RETURNS jsonb
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
#variable_conflict use_column
DECLARE
    key bytea;
    claimed boolean;
    kept public.server_requests;
BEGIN
    IF request IS NULL OR request !~ '^[0-9a-f]{32}$' THEN
        RAISE EXCEPTION 'hardtoken: a request id is 32 hexadecimal digits' USING ERRCODE = '22023';
    END IF;
    key := public.digest(decode(request, 'hex'), 'sha256');
    INSERT INTO public.server_requests (digest, act, asked_at) VALUES (key, act, clock_timestamp())
        ON CONFLICT ON CONSTRAINT server_requests_pkey DO NOTHING RETURNING true INTO claimed;
    IF claimed THEN
        IF random() < 0.01 THEN
            DELETE FROM public.server_requests r WHERE r.asked_at < clock_timestamp() - interval '1 day';
        END IF;
        RETURN NULL;
    END IF;
    SELECT * INTO kept FROM public.server_requests r WHERE r.digest = key;
    IF kept.act IS DISTINCT FROM act OR kept.answer IS NULL THEN
        RAISE EXCEPTION 'hardtoken: request % was asked for another act', request USING ERRCODE = '22023';
    END IF;
    RETURN kept.answer;
END
$fn$;

-- The act's answer kept for its request (claimed by hardtoken_answered in this transaction).
CREATE OR REPLACE FUNCTION hardtoken_answer(request text, answer jsonb) RETURNS jsonb
LANGUAGE sql SET search_path = pg_catalog AS $fn$
    UPDATE public.server_requests r SET answer = $2
        WHERE r.digest = public.digest(decode($1, 'hex'), 'sha256') RETURNING r.answer
$fn$;

-- The acts as the desks call them: each the act's own function, answered once. (The signatures
-- without a request id, from before, are dropped.)
DROP FUNCTION IF EXISTS hardtoken_check_token(text, bigint, text, text, text, bigint);
DROP FUNCTION IF EXISTS hardtoken_set_usage_mode(text, bigint, text, bytea);
DROP FUNCTION IF EXISTS hardtoken_register(text, bigint, bytea, text, bigint[], bigint[]);
DROP FUNCTION IF EXISTS hardtoken_unlock(text, bigint, text);
DROP FUNCTION IF EXISTS hardtoken_reset_counters(text, bigint, text);
DROP FUNCTION IF EXISTS hardtoken_set_pin(text, bigint, text, text);
DROP FUNCTION IF EXISTS hardtoken_reset_staff_lock(text, text, text);
DROP FUNCTION IF EXISTS hardtoken_add_staff(text, text, text, text, text, text);
DROP FUNCTION IF EXISTS hardtoken_set_staff_disabled(text, text, boolean, text);

-- 担当者のサインイン. `session`: the token the desk drew for the session (64 hexadecimal digits).
CREATE OR REPLACE FUNCTION hardtoken_sign_in(request text, login text, proof bytea, session text,
    OUT outcome text, OUT remaining integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
    answer jsonb := public.hardtoken_answered(request, 'sign_in');
BEGIN
    IF answer IS NULL THEN
        IF session IS NULL OR session !~ '^[0-9a-f]{64}$' THEN
            RAISE EXCEPTION 'hardtoken: a session token is 64 hexadecimal digits' USING ERRCODE = '22023';
        END IF;
        SELECT public.hardtoken_answer(request, to_jsonb(a)) INTO answer
            FROM public.hardtoken_sign_in_once(login, proof, decode(session, 'hex')) a;
    END IF;
    SELECT * INTO outcome, remaining FROM jsonb_to_record(answer) AS a(outcome text, remaining integer);
END
$fn$;

CREATE OR REPLACE FUNCTION hardtoken_check_token(request text, session text, corporation bigint, serial text,
    otp text, mode text, user_id bigint, OUT outcome text, OUT token_id bigint, OUT remaining integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
    answer jsonb := public.hardtoken_answered(request, 'check_token');
BEGIN
    IF answer IS NULL THEN
        SELECT public.hardtoken_answer(request, to_jsonb(a)) INTO answer
            FROM public.hardtoken_check_token_once(session, corporation, serial, otp, mode, user_id) a;
    END IF;
    SELECT * INTO outcome, token_id, remaining
        FROM jsonb_to_record(answer) AS a(outcome text, token_id bigint, remaining integer);
END
$fn$;

CREATE OR REPLACE FUNCTION hardtoken_set_usage_mode(request text, session text, corporation bigint, mode text,
    proof bytea, OUT outcome text, OUT remaining integer, OUT cancelled integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
    answer jsonb := public.hardtoken_answered(request, 'set_usage_mode');
BEGIN
    IF answer IS NULL THEN
        SELECT public.hardtoken_answer(request, to_jsonb(a)) INTO answer
            FROM public.hardtoken_set_usage_mode_once(session, corporation, mode, proof) a;
    END IF;
    SELECT * INTO outcome, remaining, cancelled
        FROM jsonb_to_record(answer) AS a(outcome text, remaining integer, cancelled integer);
END
$fn$;

CREATE OR REPLACE FUNCTION hardtoken_register(request text, session text, corporation bigint, proof bytea,
    mode text, user_ids bigint[], token_ids bigint[], OUT outcome text, OUT remaining integer, OUT detail text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
    answer jsonb := public.hardtoken_answered(request, 'register');
BEGIN
    IF answer IS NULL THEN
        SELECT public.hardtoken_answer(request, to_jsonb(a)) INTO answer
            FROM public.hardtoken_register_once(session, corporation, proof, mode, user_ids, token_ids) a;
    END IF;
    SELECT * INTO outcome, remaining, detail
        FROM jsonb_to_record(answer) AS a(outcome text, remaining integer, detail text);
END
$fn$;

-- The 管理 acts, each answering an outcome only (a function of one OUT value returns it bare).
CREATE OR REPLACE FUNCTION hardtoken_unlock(request text, session text, corporation bigint, reason text,
    OUT outcome text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
    answer jsonb := public.hardtoken_answered(request, 'unlock');
BEGIN
    IF answer IS NULL THEN
        SELECT public.hardtoken_answer(request, jsonb_build_object('outcome', a.outcome)) INTO answer
            FROM public.hardtoken_unlock_once(session, corporation, reason) AS a(outcome);
    END IF;
    outcome := answer ->> 'outcome';
END
$fn$;

CREATE OR REPLACE FUNCTION hardtoken_reset_counters(request text, session text, corporation bigint, reason text,
    OUT outcome text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
    answer jsonb := public.hardtoken_answered(request, 'reset_counters');
BEGIN
    IF answer IS NULL THEN
        SELECT public.hardtoken_answer(request, jsonb_build_object('outcome', a.outcome)) INTO answer
            FROM public.hardtoken_reset_counters_once(session, corporation, reason) AS a(outcome);
    END IF;
    outcome := answer ->> 'outcome';
END
$fn$;

CREATE OR REPLACE FUNCTION hardtoken_set_pin(request text, session text, corporation bigint, reason text,
    pin_hash text, OUT outcome text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
    answer jsonb := public.hardtoken_answered(request, 'set_pin');
BEGIN
    IF answer IS NULL THEN
        SELECT public.hardtoken_answer(request, jsonb_build_object('outcome', a.outcome)) INTO answer
            FROM public.hardtoken_set_pin_once(session, corporation, reason, pin_hash) AS a(outcome);
    END IF;
    outcome := answer ->> 'outcome';
END
$fn$;

CREATE OR REPLACE FUNCTION hardtoken_reset_staff_lock(request text, session text, login text, reason text,
    OUT outcome text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
    answer jsonb := public.hardtoken_answered(request, 'reset_staff_lock');
BEGIN
    IF answer IS NULL THEN
        SELECT public.hardtoken_answer(request, jsonb_build_object('outcome', a.outcome)) INTO answer
            FROM public.hardtoken_reset_staff_lock_once(session, login, reason) AS a(outcome);
    END IF;
    outcome := answer ->> 'outcome';
END
$fn$;

CREATE OR REPLACE FUNCTION hardtoken_add_staff(request text, session text, login text, name text, role text,
    credential_hash text, reason text, OUT outcome text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
    answer jsonb := public.hardtoken_answered(request, 'add_staff');
BEGIN
    IF answer IS NULL THEN
        SELECT public.hardtoken_answer(request, jsonb_build_object('outcome', a.outcome)) INTO answer
            FROM public.hardtoken_add_staff_once(session, login, name, role, credential_hash, reason) AS a(outcome);
    END IF;
    outcome := answer ->> 'outcome';
END
$fn$;

CREATE OR REPLACE FUNCTION hardtoken_set_staff_disabled(request text, session text, login text, disabled boolean,
    reason text, OUT outcome text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
    answer jsonb := public.hardtoken_answered(request, 'set_staff_disabled');
BEGIN
    IF answer IS NULL THEN
        SELECT public.hardtoken_answer(request, jsonb_build_object('outcome', a.outcome)) INTO answer
            FROM public.hardtoken_set_staff_disabled_once(session, login, disabled, reason) AS a(outcome);
    END IF;
    outcome := answer ->> 'outcome';
END
$fn$;

-- トークンの取り込み (imports.sql): the answer kept holds the counts and refusals, never a seed.
CREATE OR REPLACE FUNCTION hardtoken_import_tokens(request text, session text, tokens jsonb, do_replace boolean,
    file_format text, reason text, OUT outcome text, OUT imported integer, OUT replaced integer,
    OUT unchanged integer, OUT detail text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
    answer jsonb := public.hardtoken_answered(request, 'import_tokens');
BEGIN
    IF answer IS NULL THEN
        SELECT public.hardtoken_answer(request, to_jsonb(a)) INTO answer
            FROM public.hardtoken_import_tokens_once(session, tokens, do_replace, file_format, reason) a;
    END IF;
    SELECT * INTO outcome, imported, replaced, unchanged, detail FROM jsonb_to_record(answer)
        AS a(outcome text, imported integer, replaced integer, unchanged integer, detail text);
END
$fn$;

-- 名簿の取り込み (imports.sql).
CREATE OR REPLACE FUNCTION hardtoken_import_roster(request text, session text, roster jsonb, do_prune boolean,
    reason text, OUT outcome text, OUT corporations_added integer, OUT corporations_updated integer,
    OUT users_added integer, OUT users_updated integer, OUT unchanged integer, OUT removed integer, OUT detail text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
    answer jsonb := public.hardtoken_answered(request, 'import_roster');
BEGIN
    IF answer IS NULL THEN
        SELECT public.hardtoken_answer(request, to_jsonb(a)) INTO answer
            FROM public.hardtoken_import_roster_once(session, roster, do_prune, reason) a;
    END IF;
    SELECT * INTO outcome, corporations_added, corporations_updated, users_added, users_updated, unchanged, removed,
        detail FROM jsonb_to_record(answer) AS a(outcome text, corporations_added integer,
        corporations_updated integer, users_added integer, users_updated integer, unchanged integer, removed integer,
        detail text);
END
$fn$;

-- カードの確認 and カードの同期 (card_acts.sql).
CREATE OR REPLACE FUNCTION hardtoken_check_card(request text, session text, serial text, otp text,
    OUT outcome text, OUT remaining integer, OUT holder_code text, OUT holder_name text, OUT holder_user text,
    OUT drift bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
    answer jsonb := public.hardtoken_answered(request, 'check_card');
BEGIN
    IF answer IS NULL THEN
        SELECT public.hardtoken_answer(request, to_jsonb(a)) INTO answer
            FROM public.hardtoken_check_card_once(session, serial, otp) a;
    END IF;
    SELECT * INTO outcome, remaining, holder_code, holder_name, holder_user, drift FROM jsonb_to_record(answer)
        AS a(outcome text, remaining integer, holder_code text, holder_name text, holder_user text, drift bigint);
END
$fn$;

CREATE OR REPLACE FUNCTION hardtoken_resync_card(request text, session text, serial text, first_code text,
    second_code text, reason text, OUT outcome text, OUT moved_from bigint, OUT moved_to bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
    answer jsonb := public.hardtoken_answered(request, 'resync_card');
BEGIN
    IF answer IS NULL THEN
        SELECT public.hardtoken_answer(request, to_jsonb(a)) INTO answer
            FROM public.hardtoken_resync_card_once(session, serial, first_code, second_code, reason) a;
    END IF;
    SELECT * INTO outcome, moved_from, moved_to FROM jsonb_to_record(answer)
        AS a(outcome text, moved_from bigint, moved_to bigint);
END
$fn$;

-- An audit export recorded (desk_reads.sql).
CREATE OR REPLACE FUNCTION hardtoken_note_export(request text, session text, exported_rows integer, sha256 text,
    OUT outcome text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
    answer jsonb := public.hardtoken_answered(request, 'note_export');
BEGIN
    IF answer IS NULL THEN
        SELECT public.hardtoken_answer(request, jsonb_build_object('outcome', a.outcome)) INTO answer
            FROM public.hardtoken_note_export_once(session, exported_rows, sha256) AS a(outcome);
    END IF;
    outcome := answer ->> 'outcome';
END
$fn$;
