#include "Accessibility.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAccessibleWidget>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>

namespace hardtoken {

namespace {

// LinkButton (a QAbstractButton) and MessageBanner (a QLabel) are reached through their Qt base
// classes: this file names them only by class name, so that they may include it.
class LinkAccessible final : public QAccessibleWidget {
public:
    explicit LinkAccessible(QAbstractButton* link)
        : QAccessibleWidget(link, QAccessible::Link)
    {
        addControllingSignal(QStringLiteral("clicked(bool)"));
    }

    QString text(QAccessible::Text t) const override
    {
        const auto* b = static_cast<const QAbstractButton*>(widget());
        if (t == QAccessible::Name && b->accessibleName().isEmpty())
            return b->text();
        return QAccessibleWidget::text(t);
    }

    QStringList actionNames() const override
    {
        return QStringList { pressAction() } + QAccessibleWidget::actionNames();
    }

    void doAction(const QString& action) override
    {
        if (action == pressAction())
            static_cast<QAbstractButton*>(widget())->click();
        else
            QAccessibleWidget::doAction(action);
    }
};

class BannerAccessible final : public QAccessibleWidget {
public:
    explicit BannerAccessible(QLabel* banner)
        : QAccessibleWidget(banner, QAccessible::AlertMessage)
    {
    }

    QString text(QAccessible::Text t) const override
    {
        if (t == QAccessible::Name)
            return static_cast<const QLabel*>(widget())->text();
        return QAccessibleWidget::text(t);
    }

    QAccessible::State state() const override
    {
        QAccessible::State s = QAccessibleWidget::state();
        s.readOnly = true;
        return s;
    }
};

// A widget that is never focusable itself, and may be hidden from the tree altogether:
// - a group of fields that hands its focus to its first field (TokenEntry, PinConfirmation,
//   PinInput: focus proxies): QWidget::hasFocus() is true for the group too, and a screen reader
//   must not hear the group as focused besides the field;
// - drawing over other widgets and nothing else (the coach marks): not in the tree a screen reader
//   walks; what it draws is said elsewhere (the coach panel's sentence).
class UnfocusedAccessible final : public QAccessibleWidget {
public:
    enum class Kind { FieldGroup, DrawingOnly };
    UnfocusedAccessible(QWidget* widget, Kind kind)
        : QAccessibleWidget(widget, kind == Kind::FieldGroup ? QAccessible::Client : QAccessible::NoRole)
        , m_kind(kind)
    {
    }

    QAccessible::State state() const override
    {
        QAccessible::State s = QAccessibleWidget::state();
        s.focused = false;
        s.focusable = false;
        s.invisible = s.invisible || m_kind == Kind::DrawingOnly;
        return s;
    }

private:
    Kind m_kind;
};

QAccessibleInterface* factory(const QString& className, QObject* object)
{
    if (!object || !object->isWidgetType())
        return nullptr;
    if (className == QLatin1String("hardtoken::TokenEntry") || className == QLatin1String("hardtoken::PinConfirmation")
        || className == QLatin1String("hardtoken::PinInput"))
        return new UnfocusedAccessible(static_cast<QWidget*>(object), UnfocusedAccessible::Kind::FieldGroup);
    if (className == QLatin1String("hardtoken::LinkButton"))
        return new LinkAccessible(static_cast<QAbstractButton*>(object));
    if (className == QLatin1String("hardtoken::MessageBanner"))
        return new BannerAccessible(static_cast<QLabel*>(object));
    // A box that is the screen's announcement (the 利用中止 notice): an AlertMessage named by its
    // accessibleName (the headline) with the details as its description.
    if (className == QLatin1String("QFrame") && object->property("accessibleAlert").toBool())
        return new QAccessibleWidget(static_cast<QWidget*>(object), QAccessible::AlertMessage);
    if (className == QLatin1String("hardtoken::CoachOverlay"))
        return new UnfocusedAccessible(static_cast<QWidget*>(object), UnfocusedAccessible::Kind::DrawingOnly);
    if (className == QLatin1String("hardtoken::CardFace"))
        return new QAccessibleWidget(static_cast<QWidget*>(object), QAccessible::Graphic);
    return nullptr;
}

} // namespace

void installAccessibleInterfaces()
{
    static const bool installed = [] {
        QAccessible::installFactory(factory);
        return true;
    }();
    Q_UNUSED(installed);
}

Announcements* Announcements::instance()
{
    static Announcements announcements;
    return &announcements;
}

void announceAlert(QWidget* source)
{
    QAccessibleEvent alert(source, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
    QAccessibleInterface* a = QAccessible::queryAccessibleInterface(source);
    Q_EMIT Announcements::instance()->announced(source, a ? a->text(QAccessible::Name) : QString());
}

void markInvalid(QWidget* field, const QString& error)
{
    field->setProperty("invalid", !error.isEmpty());
    field->setAccessibleDescription(error);
    field->style()->unpolish(field);
    field->style()->polish(field);
}

void nameClearButton(QLineEdit* edit)
{
    const QString name = QCoreApplication::translate("Accessibility", "入力を消去");
    for (QToolButton* button : edit->findChildren<QToolButton*>(Qt::FindDirectChildrenOnly)) {
        button->setAccessibleName(name);
        button->setToolTip(name);
    }
}

} // namespace hardtoken
