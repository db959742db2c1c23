#pragma once

#include <QObject>
#include <QPointer>
#include <QThread>

namespace hardtoken {

// PRAGMA quick_check of a SQLite store on a read-only connection of its own, in a worker thread,
// so that a 50,000-user store is verified without holding up the window (the console starts it
// after its first paint; Store::setFullCheckAtOpen). finished() comes in the creating thread.
class IntegrityCheck final : public QObject {
    Q_OBJECT
public:
    explicit IntegrityCheck(const QString& sqlitePath, QObject* parent = nullptr);
    ~IntegrityCheck() override; // waits for the worker

    void start();
    bool isRunning() const { return m_thread && m_thread->isRunning(); }

Q_SIGNALS:
    // ok: the file is sound. Otherwise `message` says what to do (Store::corruptedMessage) or why
    // the check could not run.
    void finished(bool ok, const QString& message);

private:
    QString m_path;
    QPointer<QThread> m_thread;
};

} // namespace hardtoken
