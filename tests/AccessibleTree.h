#pragma once

// The accessibility tree of a widget as a screen reader walks it (QAccessible, the same interfaces
// the platform bridges read): one line per visible node with its role, name, description, value
// and states, and a check that fails on interactive controls a screen reader could not name.
#include <QAccessible>
#include <QAccessibleInterface>
#include <QDir>
#include <QFile>
#include <QMetaEnum>
#include <QStringList>
#include <QWidget>

namespace hardtoken::test {

inline QString roleName(QAccessible::Role role)
{
    const QMetaEnum e = QMetaEnum::fromType<QAccessible::Role>();
    const char* key = e.valueToKey(role);
    return key ? QString::fromLatin1(key) : QString::number(role);
}

inline QStringList stateNames(const QAccessible::State& s)
{
    QStringList out;
    if (s.focusable)
        out << QStringLiteral("focusable");
    if (s.focused)
        out << QStringLiteral("focused");
    if (s.checkable)
        out << QStringLiteral("checkable");
    if (s.checked)
        out << QStringLiteral("checked");
    if (s.disabled)
        out << QStringLiteral("disabled");
    if (s.readOnly)
        out << QStringLiteral("read-only");
    if (s.passwordEdit)
        out << QStringLiteral("password");
    if (s.invalid)
        out << QStringLiteral("invalid");
    if (s.selected)
        out << QStringLiteral("selected");
    if (s.defaultButton)
        out << QStringLiteral("default");
    return out;
}

inline bool isInteractive(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::EditableText:
    case QAccessible::Link:
    case QAccessible::ComboBox:
    case QAccessible::Table:
    case QAccessible::List:
    case QAccessible::SpinBox:
    case QAccessible::ButtonMenu:
        return true;
    default:
        return false;
    }
}

// Visits every node that is not invisible (a hidden page's children are skipped as a screen reader
// skips them). `visit` gets the node and its depth.
template <typename Visit> void walkAccessible(QAccessibleInterface* node, Visit visit, int depth = 0, int limit = 400)
{
    if (!node || !node->isValid() || node->state().invisible)
        return;
    visit(node, depth);
    const int n = std::min(node->childCount(), limit);
    for (int i = 0; i < n; ++i)
        walkAccessible(node->child(i), visit, depth + 1, limit);
}

// The tree as lines: "  PushButton 「次へ」 [focusable default]". Table cells past the first
// `rowLimit` rows are left out (a table's shape shows in its first rows).
inline QStringList accessibleTree(QWidget* root, int childLimit = 40)
{
    QStringList lines;
    walkAccessible(
        QAccessible::queryAccessibleInterface(root),
        [&](QAccessibleInterface* a, int depth) {
            QString line = QString(depth * 2, QLatin1Char(' ')) + roleName(a->role());
            const QString name = a->text(QAccessible::Name);
            if (!name.isEmpty())
                line += QStringLiteral(" 「%1」").arg(name.simplified());
            const QString description = a->text(QAccessible::Description);
            if (!description.isEmpty())
                line += QStringLiteral(" (%1)").arg(description.simplified());
            if (a->role() == QAccessible::EditableText) {
                const QString value = a->text(QAccessible::Value);
                if (!value.isEmpty())
                    line += QStringLiteral(" = %1").arg(value);
            }
            const QStringList states = stateNames(a->state());
            if (!states.isEmpty())
                line += QStringLiteral(" [%1]").arg(states.join(QLatin1Char(' ')));
            if (QAccessibleActionInterface* actions = a->actionInterface()) {
                if (!actions->actionNames().isEmpty())
                    line += QStringLiteral(" {%1}").arg(actions->actionNames().join(QLatin1Char(',')));
            }
            lines << line;
        },
        0, childLimit);
    return lines;
}

// The interactive controls under `root` a screen reader cannot name: "PushButton at depth 3".
inline QStringList unnamedControls(QWidget* root)
{
    QStringList out;
    walkAccessible(QAccessible::queryAccessibleInterface(root), [&](QAccessibleInterface* a, int depth) {
        if (!isInteractive(a->role()) && a->role() != QAccessible::Cell && a->role() != QAccessible::AlertMessage)
            return;
        if (a->text(QAccessible::Name).trimmed().isEmpty()) {
            QString where = roleName(a->role());
            if (QObject* o = a->object())
                where += QLatin1Char(' ') + o->objectName();
            out << QStringLiteral("%1 (depth %2)").arg(where).arg(depth);
        }
    });
    return out;
}

// With HARDTOKEN_A11Y_TREES=DIR set, the tree as a screen reader walks it is written to DIR/NAME.txt
// (for review notes and writers); unset, nothing is written.
inline void writeAccessibleTree(QWidget* root, const QString& name)
{
    const QString dir = qEnvironmentVariable("HARDTOKEN_A11Y_TREES");
    if (dir.isEmpty())
        return;
    QFile out(QDir(dir).filePath(name + QStringLiteral(".txt")));
    if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        out.write(accessibleTree(root).join(QLatin1Char('\n')).toUtf8() + '\n');
}

} // namespace hardtoken::test
