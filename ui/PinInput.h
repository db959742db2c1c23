#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hardtoken {

class SoftwareKeyboard;

// 契約法人確認暗証番号: a masked field that accepts normal typing, the ソフトウェアキーボード button
// beside it, the 半角英数字4～12桁 hint and the field's own error line.
class PinInput final : public QWidget {
    Q_OBJECT
public:
    explicit PinInput(QWidget* parent = nullptr);

    QString text() const;
    void clear();
    void showError(const QString& message);
    void clearError();
    QLineEdit* edit() const { return m_edit; }
    QLabel* errorLabel() const { return m_error; }
    SoftwareKeyboard* keyboard() const { return m_keyboard; }
    void openKeyboard();
    // Another caption than 契約法人確認暗証番号 (e.g. its confirmation); empty restores it.
    void setCaptionText(const QString& caption);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QLabel* m_caption = nullptr;
    QString m_captionOverride;
    QLineEdit* m_edit = nullptr;
    QPushButton* m_keyboardButton = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_error = nullptr;
    SoftwareKeyboard* m_keyboard = nullptr;
};

} // namespace hardtoken
