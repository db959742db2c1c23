#include "core/Clock.h"

#include <QDateTime>

namespace hardtoken {

qint64 SystemClock::nowMSecs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace hardtoken
