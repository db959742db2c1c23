#pragma once

#include <QDialog>
#include <QScopedPointer>

class QPushButton;

namespace Ui {
class SoftwareKeyboard;
}

namespace hardtoken {

// ソフトウェアキーボード: half-width digits and letters on screen, for entering the PIN with the
// mouse. The key order is shuffled every time it opens (as Japanese banks do against key loggers
// and shoulder-surfing); it never holds the PIN itself, it only reports key presses.
class SoftwareKeyboard final : public QDialog {
    Q_OBJECT
public:
    explicit SoftwareKeyboard(QWidget* parent = nullptr);
    ~SoftwareKeyboard() override;

    // New key positions; deterministic when a seed was fixed (screenshots for the manual).
    void shuffle();
    static void setShuffleSeed(quint32 seed);
    void setTypedLength(int length);
    bool upperCase() const { return m_upper; }
    void setUpperCase(bool upper);
    QPushButton* keyFor(QChar c) const; // the key that types c now (a-z, A-Z as a-z, 0-9)
    QString keyOrder() const; // the characters in their current visual order

Q_SIGNALS:
    void characterTyped(QChar c);
    void backspacePressed();
    void clearPressed();

protected:
    void changeEvent(QEvent* event) override;
    // Return or Enter on a focused key types that key (as Space does), on a focused button presses
    // it: it never closes the keyboard unless the focus is on 閉じる.
    void keyPressEvent(QKeyEvent* event) override;

private:
    void layoutKeys();
    void updateKeyTexts();

    QScopedPointer<Ui::SoftwareKeyboard> m_ui;
    QList<QPushButton*> m_digitKeys;
    QList<QPushButton*> m_letterKeys;
    bool m_upper = false;
};

} // namespace hardtoken
