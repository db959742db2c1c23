#pragma once

#include <QString>

namespace hardtoken {

struct UserInfo {
    qint64 id = 0;
    QString name;
    int displayOrder = 0;
    QString currentSerial; // the token registered to this user (individual mode), or empty
};

} // namespace hardtoken
