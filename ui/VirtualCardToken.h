#pragma once

#include "inventory/VirtualTokens.h"

#include <QScopedPointer>
#include <QWidget>

class QTimer;

namespace Ui {
class VirtualCardToken;
}

namespace hardtoken {

class Clock;
class Store;

// A virtual card token for training: the card's front (display and the button the manual refers
// to) and back (serial, position marked). Pressing the button shows the code the verifier
// accepts now (TOTP: the current step; HOTP: the card's next counter); the display goes blank
// after blankAfterSecs() seconds, as the manual's ⚠️ warns.
class VirtualCardToken final : public QWidget {
    Q_OBJECT
public:
    static constexpr int DefaultBlankAfterSecs = 30;

    VirtualCardToken(const Store& store, const Clock& clock, const VirtualTokenInfo& token, QWidget* parent = nullptr);
    ~VirtualCardToken() override;

    QString serial() const { return m_token.serial; }
    QString displayText() const;
    int blankAfterSecs() const { return m_blankAfterSecs; }
    void setBlankAfterSecs(int secs);
    void setMarkPositions(bool mark);
    void setHolder(const QString& holder);

    // What pressing the card's button does.
    void press();
    // Blanks the display once the time is up (also run by a timer).
    void refresh();

Q_SIGNALS:
    void otpShown(const QString& otp);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QScopedPointer<Ui::VirtualCardToken> m_ui;
    const Store& m_store;
    const Clock& m_clock;
    VirtualTokenInfo m_token;
    QTimer* m_timer = nullptr;
    int m_blankAfterSecs = DefaultBlankAfterSecs;
    quint64 m_presses = 0;
    qint64 m_shownAtMSecs = -1;
};

} // namespace hardtoken
