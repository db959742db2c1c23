#pragma once

#include "core/Otp.h"
#include "store/TokenTable.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace hardtoken {

class Store;

// A training token as its card would behave: what it shows when its button is pressed. Only
// training stores have them; a production store refuses, so no real token's code can be shown.
// HOTP's nextCounter is where the verifier expects the card to be.
using VirtualTokenInfo = TokenListing;

class VirtualTokens final {
    Q_DECLARE_TR_FUNCTIONS(VirtualTokens)
public:
    static std::optional<QList<VirtualTokenInfo>> list(const Store& store, QString* error);
    // The code the card shows when its button is pressed at `unixTime`; for HOTP, `press` counts
    // the presses since the card was taken out (0: the first press shows the next expected code).
    static std::optional<QString> otp(
        const Store& store, const QString& serial, qint64 unixTime, quint64 press, QString* error);
};

} // namespace hardtoken
