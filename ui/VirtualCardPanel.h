#pragma once

#include "VirtualCardToken.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace hardtoken {

class Clock;
class Store;

// The トレーニング window: one virtual card per token of the training store's scenario.
class VirtualCardPanel final : public QWidget {
    Q_OBJECT
public:
    VirtualCardPanel(const Store& store, const Clock& clock, QWidget* parent = nullptr);

    // Rebuilds the cards (after a reset or a registration moved the holders).
    void reload();
    // Updates who holds each card without touching what the cards show.
    void refreshHolders();
    // How long a card shows its code (the desktop's setting; 30 s, as on the cards Japanese banks
    // hand out, unless changed in 設定); applies to the cards shown and to those built later.
    void setCardDisplaySeconds(int seconds);
    VirtualCardToken* card(const QString& serial) const;
    QList<VirtualCardToken*> cards() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showMatching(const QString& text);

    const Store& m_store;
    const Clock& m_clock;
    QLabel* m_findCaption = nullptr;
    QLineEdit* m_find = nullptr;
    QLabel* m_intro = nullptr;
    QVBoxLayout* m_cardsLayout = nullptr;
    int m_displaySeconds = VirtualCardToken::DefaultBlankAfterSecs;
};

} // namespace hardtoken
