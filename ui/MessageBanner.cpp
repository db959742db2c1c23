#include "MessageBanner.h"

#include "Accessibility.h"

#include <QAccessible>
#include <QStyle>

namespace hardtoken {

MessageBanner::MessageBanner(QWidget* parent)
    : QLabel(parent)
{
    installAccessibleInterfaces();
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setProperty("role", QStringLiteral("error"));
    hide();
}

void MessageBanner::showMessage(const QString& text, Kind kind)
{
    if (text.isEmpty()) {
        clearMessage();
        return;
    }
    m_kind = kind;
    setProperty("role", kind == Kind::Error ? QStringLiteral("error") : QStringLiteral("info"));
    style()->unpolish(this);
    style()->polish(this);
    setText(text);
    setAccessibleName(text);
    show();
    // Announce it: the platform bridge reads the alert's name at once, wherever the focus is.
    announceAlert(this);
}

void MessageBanner::clearMessage()
{
    clear();
    setAccessibleName(QString());
    hide();
}

} // namespace hardtoken
