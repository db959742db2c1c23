#pragma once

#include "core/Validation.h"

#include <QString>

#include <functional>

namespace hardtoken {

enum class ServiceError {
    None,
    InvalidInput, // a field breaks the input rules; see Outcome::field / inputError
    NoUserChosen, // 利用者の選択 is empty (individual mode)
    ModeNotSet, // 利用形態 has not been chosen yet
    WrongMode, // e.g. shared registration while the mode is individual
    WrongSerialOrOtp, // counted towards 利用中止
    SerialQueuedForOther, // the serial is already in the list for another user
    SerialHeldByOther, // the token is registered to another user
    WrongPin, // counted towards 利用中止
    PinNotSet, // an imported corporation whose 契約法人確認暗証番号 has not been set yet
    Suspended, // 利用中止状態
    EmptyQueue, // OK with an empty 利用登録情報の一覧
    NothingPending, // OK on the shared confirm screen without a checked token
    WrongStaffCredential, // help-desk unlock refused (wrong, unknown or locked login: one answer)
    NotSuspended,
    NotAdministrator, // a 管理者's act asked of a 担当者
    ReasonMissing, // a staff act without its reason
    Mismatch, // the two entries of a new PIN or password differ
    AlreadyExists, // a staff login that is taken
    NotFound, // a staff login or corporation that does not exist
    CodeAlreadyUsed, // the one-time password was committed first by another check (another desktop)
    TryAgain, // the store is busy with another desktop: nothing was evaluated or saved
    Tampered, // a record failed its MAC: edited outside the console; nothing is decided on it
    StoreFailure, // the database refused; nothing was saved
    Unreachable, // the store cannot be reached: nothing was evaluated, counted or saved
    // The connection dropped during COMMIT: whether the act went through is not known yet. The desk
    // keeps what was entered and tells the answer when the store is back (commitResolved()).
    OutcomeUnknown,
};

// Says a message in the language of the moment. Called again after a language change, it says the
// same thing in the new language (its tr() runs again), so a screen can re-say what it shows.
using Saying = std::function<QString()>;

struct Outcome {
    ServiceError error = ServiceError::None;
    QString message;
    // The message said again in the current language; empty where the text is only known once
    // (a database's own error text).
    Saying retell {};
    // A refusal whose message follows the language.
    static Outcome said(ServiceError error, Saying say)
    {
        Outcome o;
        o.error = error;
        o.message = say();
        o.retell = std::move(say);
        return o;
    }
    InputField field = InputField::Serial; // with InvalidInput
    InputError inputError = InputError::None;
    int remainingAttempts = -1; // with WrongSerialOrOtp / WrongPin, before 利用中止
    bool ok() const { return error == ServiceError::None; }
};

} // namespace hardtoken
