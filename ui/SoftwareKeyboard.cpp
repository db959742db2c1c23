#include "SoftwareKeyboard.h"
#include "ui_SoftwareKeyboard.h"

#include <QEvent>
#include <QGridLayout>
#include <QKeyEvent>
#include <QPushButton>
#include <QRandomGenerator>

#include <algorithm>
#include <optional>

namespace hardtoken {

namespace {
std::optional<quint32> g_seed;
QRandomGenerator& generator()
{
    static QRandomGenerator seeded;
    if (g_seed)
        return seeded;
    return *QRandomGenerator::system();
}
constexpr int kDigitColumns = 10;
constexpr int kLetterColumns = 9;
} // namespace

void SoftwareKeyboard::setShuffleSeed(quint32 seed)
{
    g_seed = seed;
    generator().seed(seed);
}

SoftwareKeyboard::SoftwareKeyboard(QWidget* parent)
    : QDialog(parent)
    , m_ui(new Ui::SoftwareKeyboard)
{
    m_ui->setupUi(this);
    setWindowModality(Qt::WindowModal);
    const auto makeKey = [this](QChar c, QWidget* parentWidget) {
        auto* key = new QPushButton(parentWidget);
        key->setObjectName(QStringLiteral("key_") + c);
        key->setProperty("role", QStringLiteral("key"));
        key->setAutoDefault(false);
        key->setFocusPolicy(Qt::TabFocus);
        key->setMinimumSize(40, 36);
        connect(key, &QPushButton::clicked, this, [this, c] { Q_EMIT characterTyped(m_upper ? c.toUpper() : c); });
        return key;
    };
    for (char c = '0'; c <= '9'; ++c)
        m_digitKeys.append(makeKey(QLatin1Char(c), m_ui->digitKeys));
    for (char c = 'a'; c <= 'z'; ++c)
        m_letterKeys.append(makeKey(QLatin1Char(c), m_ui->letterKeys));
    connect(m_ui->caseButton, &QPushButton::clicked, this, [this] { setUpperCase(!m_upper); });
    connect(m_ui->backspaceButton, &QPushButton::clicked, this, &SoftwareKeyboard::backspacePressed);
    connect(m_ui->clearButton, &QPushButton::clicked, this, &SoftwareKeyboard::clearPressed);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::accept);
    updateKeyTexts();
    shuffle();
    setTypedLength(0);
}

SoftwareKeyboard::~SoftwareKeyboard() = default;

void SoftwareKeyboard::keyPressEvent(QKeyEvent* event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->modifiers() == Qt::NoModifier) {
        if (auto* button = qobject_cast<QPushButton*>(focusWidget()); button && isAncestorOf(button)) {
            if (button->isEnabled())
                button->animateClick();
            event->accept();
            return;
        }
    }
    QDialog::keyPressEvent(event);
}

void SoftwareKeyboard::shuffle()
{
    std::shuffle(m_digitKeys.begin(), m_digitKeys.end(), generator());
    std::shuffle(m_letterKeys.begin(), m_letterKeys.end(), generator());
    layoutKeys();
}

void SoftwareKeyboard::layoutKeys()
{
    auto* digits = qobject_cast<QGridLayout*>(m_ui->digitKeys->layout());
    auto* letters = qobject_cast<QGridLayout*>(m_ui->letterKeys->layout());
    for (QPushButton* key : std::as_const(m_digitKeys))
        digits->removeWidget(key);
    for (QPushButton* key : std::as_const(m_letterKeys))
        letters->removeWidget(key);
    for (int i = 0; i < m_digitKeys.size(); ++i)
        digits->addWidget(m_digitKeys[i], i / kDigitColumns, i % kDigitColumns);
    for (int i = 0; i < m_letterKeys.size(); ++i)
        letters->addWidget(m_letterKeys[i], i / kLetterColumns, i % kLetterColumns);
    // Tab order follows the visual order.
    QWidget* previous = nullptr;
    for (QPushButton* key : m_digitKeys + m_letterKeys) {
        if (previous)
            setTabOrder(previous, key);
        previous = key;
    }
}

void SoftwareKeyboard::setUpperCase(bool upper)
{
    m_upper = upper;
    updateKeyTexts();
}

void SoftwareKeyboard::updateKeyTexts()
{
    for (QPushButton* key : std::as_const(m_digitKeys))
        key->setText(key->objectName().right(1));
    for (QPushButton* key : std::as_const(m_letterKeys)) {
        const QString c = key->objectName().right(1);
        key->setText(m_upper ? c.toUpper() : c);
        key->setAccessibleName(m_upper ? tr("大文字 %1").arg(c.toUpper()) : tr("小文字 %1").arg(c));
    }
    m_ui->caseButton->setText(m_upper ? tr("小文字") : tr("大文字"));
}

void SoftwareKeyboard::setTypedLength(int length)
{
    m_ui->displayValue->setText(length == 0 ? tr("（未入力）") : QString(length, QChar(0x25CF)));
    m_ui->displayValue->setAccessibleDescription(tr("%1 文字入力済み").arg(length));
}

QPushButton* SoftwareKeyboard::keyFor(QChar c) const
{
    return findChild<QPushButton*>(QStringLiteral("key_") + c.toLower());
}

QString SoftwareKeyboard::keyOrder() const
{
    QString order;
    for (QPushButton* key : m_digitKeys + m_letterKeys)
        order += key->objectName().right(1);
    return order;
}

void SoftwareKeyboard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updateKeyTexts();
    }
    QDialog::changeEvent(event);
}

} // namespace hardtoken
