#include "Language.h"

#include <QCoreApplication>
#include <QLocale>

namespace hardtoken {

Language::Language(QObject* parent)
    : QObject(parent)
{
}

bool Language::set(const QString& code)
{
    if (!available().contains(code))
        return false;
    if (code == m_current)
        return true;
    QCoreApplication::removeTranslator(&m_translator);
    if (code != QLatin1String("ja")) {
        if (!m_translator.load(QStringLiteral(":/i18n/hardtoken_%1.qm").arg(code)))
            return false;
        QCoreApplication::installTranslator(&m_translator);
    }
    m_current = code;
    QLocale::setDefault(QLocale(code == QLatin1String("ja") ? QLocale::Japanese : QLocale::English));
    Q_EMIT changed(code);
    return true;
}

} // namespace hardtoken
