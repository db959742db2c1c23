#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;

namespace Ui {
class TokenEntry;
}

namespace hardtoken {

struct OutcomeFields;

// 利用登録入力 of both input screens (manual 9.2.1 step 3, 9.2.2 step 3), placed in each form by
// Designer promotion: シリアル番号 and ワンタイムパスワード with their hints and error lines, the
// manual's two card pictures (where the serial is printed, where the button is) and the ⚠️ ご注意
// box. The focus proxy is シリアル番号, so a form's tab order can name the whole entry.
class TokenEntry final : public QWidget {
    Q_OBJECT
public:
    explicit TokenEntry(QWidget* parent = nullptr);
    ~TokenEntry() override;

    QString serial() const;
    QString otp() const;
    // Empties both fields (a new screen, or after a registration was queued).
    void clear();
    // Where a refused 次へ points: the two fields and their error lines.
    void addTo(OutcomeFields& fields) const;

    QLineEdit* serialEdit() const;
    QLineEdit* otpEdit() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void captionCards();

    std::unique_ptr<Ui::TokenEntry> m_ui;
};

} // namespace hardtoken
