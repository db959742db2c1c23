#pragma once

#include "Otp.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace hardtoken {

class Store;

// A token as the store holds it: its OTP parameters and state, its sealed secret, and who holds it.
struct TokenRecord {
    qint64 id = 0;
    QString serial;
    OtpParameters params;
    QByteArray sealedSecret;
    OtpState state;
    QString status; // available | registered | retired
    qint64 holderCorporation = 0; // 0: not registered
    qint64 holderUser = 0; // 0 with a holder corporation: the shared token
    QString holderName;
};

std::optional<TokenRecord> findToken(const Store& store, const QString& serial);

} // namespace hardtoken
