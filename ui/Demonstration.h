#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>

class QWidget;

namespace hardtoken {

class RegistrationService;
class TrainingSession;

// 見本: plays the trainee's current step on the live screen, slowly, with the console's own
// widgets (it clicks, chooses and types as a person would, one key at a time), then hands control
// back. While it plays, the screen is the demonstration's: the trainee's clicks and keys on it are
// held back (Esc stops it). What it types comes from the training store: a card no one holds and the code its virtual
// card shows now, the corporation's training PIN, the help desk's training credential. It never
// runs on a production store (the coach is not offered there).
class Demonstration final : public QObject {
    Q_OBJECT
public:
    struct Secrets {
        QString pin; // the scenario's 契約法人確認暗証番号
        QString staffLogin; // the scenario's help desk
        QString staffCredential;
    };

    // `page`: the screen shown now. `pace`: milliseconds between two acts (keys are a third of it).
    Demonstration(TrainingSession& session, RegistrationService& service, Secrets secrets, QObject* parent = nullptr);

    // Plans the current step on `page` and starts; false (with nothing done) when there is no plan
    // for it (the page does not show the step's screen).
    bool play(QWidget* page);
    // Milliseconds between two acts (a click, a choice); a key takes a third of it. 450 by default:
    // slow enough to follow, quick enough not to bore.
    void setPace(int milliseconds) { m_paceMs = qMax(3, milliseconds); }
    int pace() const { return m_paceMs; }
    bool isPlaying() const { return m_timer.isActive(); }
    void stop();
    // What the last play() could not plan, for the coach to say.
    QString error() const { return m_error; }

Q_SIGNALS:
    void finished();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    class Hand;
    void tick();
    QString freeSerial() const;
    QString codeFor(const QString& serial) const;

    TrainingSession& m_session;
    RegistrationService& m_service;
    Secrets m_secrets;
    QPointer<QWidget> m_page;
    QList<std::function<void()>> m_acts;
    QTimer m_timer;
    QString m_error;
    int m_paceMs = 450;
};

} // namespace hardtoken
