#include "store/IntegrityCheck.h"

#include "store/Database.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace hardtoken {

IntegrityCheck::IntegrityCheck(const QString& sqlitePath, QObject* parent)
    : QObject(parent)
    , m_path(sqlitePath)
{
}

IntegrityCheck::~IntegrityCheck()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void IntegrityCheck::start()
{
    if (isRunning())
        return;
    delete m_thread;
    const QString path = m_path;
    QPointer<IntegrityCheck> self(this);
    m_thread = QThread::create([path, self] {
        bool ok = false;
        QString message;
        const QString name = QStringLiteral("integrity-") + QUuid::createUuid().toString(QUuid::Id128);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
            if (!db.open()) {
                message = db.lastError().text();
            } else {
                QSqlQuery q(db);
                q.setForwardOnly(true);
                if (q.exec(QStringLiteral("PRAGMA quick_check")) && q.next()) {
                    ok = q.value(0).toString() == QLatin1String("ok");
                    if (!ok)
                        message = Database::corruptedMessage(path);
                } else {
                    message = Database::corruptedMessage(path) + QLatin1Char('\n') + q.lastError().text();
                }
                q.finish();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        // Delivered in the checker's thread (queued); dropped if the checker is gone.
        QMetaObject::invokeMethod(
            self.data(),
            [self, ok, message] {
                if (self)
                    Q_EMIT self->finished(ok, message);
            },
            Qt::QueuedConnection);
    });
    m_thread->start();
}

} // namespace hardtoken
