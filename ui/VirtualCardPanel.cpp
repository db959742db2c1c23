#include "VirtualCardPanel.h"

#include "VirtualCardToken.h"

#include "Accessibility.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QVBoxLayout>

namespace hardtoken {

VirtualCardPanel::VirtualCardPanel(const Store& store, const Clock& clock, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_store(store)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("VirtualCardPanel"));
    auto* outer = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("introLabel"));
    m_intro->setWordWrap(true);
    outer->addWidget(m_intro);
    // Jump to a serial: the cards whose serial contains what is typed (hyphens ignored) stay.
    auto* findRow = new QHBoxLayout;
    m_findCaption = new QLabel(this);
    m_find = new QLineEdit(this);
    m_find->setObjectName(QStringLiteral("findSerialEdit"));
    m_find->setClearButtonEnabled(true);
    m_find->setMaxLength(20);
    m_findCaption->setBuddy(m_find);
    findRow->addWidget(m_findCaption);
    findRow->addWidget(m_find);
    findRow->addStretch();
    outer->addLayout(findRow);
    connect(m_find, &QLineEdit::textChanged, this, &VirtualCardPanel::showMatching);
    auto* area = new QScrollArea(this);
    area->setWidgetResizable(true);
    auto* content = new QWidget(area);
    m_cardsLayout = new QVBoxLayout(content);
    area->setWidget(content);
    outer->addWidget(area);
    resize(760, 720);
    retranslate();
    reload();
}

void VirtualCardPanel::reload()
{
    while (QLayoutItem* item = m_cardsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    QString error;
    const auto tokens = VirtualTokens::list(m_store, &error);
    if (!tokens) {
        auto* refused = new QLabel(error);
        refused->setObjectName(QStringLiteral("refusedLabel"));
        refused->setProperty("role", QStringLiteral("error"));
        refused->setWordWrap(true);
        m_cardsLayout->addWidget(refused);
        m_cardsLayout->addStretch();
        return;
    }
    for (const VirtualTokenInfo& token : *tokens) {
        auto* card = new VirtualCardToken(m_store, m_clock, token);
        card->setBlankAfterSecs(m_displaySeconds);
        m_cardsLayout->addWidget(card);
    }
    m_cardsLayout->addStretch();
    showMatching(m_find->text());
}

void VirtualCardPanel::setCardDisplaySeconds(int seconds)
{
    m_displaySeconds = seconds > 0 ? seconds : VirtualCardToken::DefaultBlankAfterSecs;
    for (VirtualCardToken* card : cards())
        card->setBlankAfterSecs(m_displaySeconds);
}

void VirtualCardPanel::showMatching(const QString& text)
{
    const QString digits = QString(text).remove(QLatin1Char('-')).trimmed();
    for (VirtualCardToken* c : cards())
        c->setVisible(digits.isEmpty() || c->serial().contains(digits));
}

void VirtualCardPanel::refreshHolders()
{
    const auto tokens = VirtualTokens::list(m_store, nullptr);
    if (!tokens)
        return;
    for (const VirtualTokenInfo& token : *tokens) {
        if (VirtualCardToken* c = card(token.serial))
            c->setHolder(token.holder);
    }
}

VirtualCardToken* VirtualCardPanel::card(const QString& serial) const
{
    return findChild<VirtualCardToken*>(QStringLiteral("card_") + serial);
}

QList<VirtualCardToken*> VirtualCardPanel::cards() const
{
    return findChildren<VirtualCardToken*>();
}

void VirtualCardPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void VirtualCardPanel::retranslate()
{
    setWindowTitle(tr("仮想カードトークン（トレーニング用）"));
    m_findCaption->setText(tr("シリアル番号で探す(&F)"));
    m_find->setAccessibleName(tr("シリアル番号で探す"));
    nameClearButton(m_find);
    m_intro->setText(tr("トレーニング用のカード型ハードトークンです。カードのボタン（または「ボタンを押す」）を押すと、"
                        "利用登録用のワンタイムパスワードが表示されます。本番用のデータベースでは使えません。"));
}

} // namespace hardtoken
