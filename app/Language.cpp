#include "Language.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLibraryInfo>
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
    if (code == m_current && m_applied)
        return true;
    QCoreApplication::removeTranslator(&m_translator);
    QCoreApplication::removeTranslator(&m_qtTranslator);
    if (code != QLatin1String("ja")) {
        if (!m_translator.load(QStringLiteral(":/i18n/hardtoken_%1.qm").arg(code)))
            return false;
        QCoreApplication::installTranslator(&m_translator);
    }
    // Qt's own texts: next to the executable first (the Windows package), then Qt's folder.
    const QLocale locale(code == QLatin1String("ja") ? QLocale::Japanese : QLocale::English);
    m_qtLoaded = false;
    if (code != QLatin1String("en")) {
        const QStringList dirs { QCoreApplication::applicationDirPath() + QStringLiteral("/translations"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath) };
        for (const QString& dir : dirs) {
            if (m_qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), dir)) {
                QCoreApplication::installTranslator(&m_qtTranslator);
                m_qtLoaded = true;
                break;
            }
        }
    }
    m_current = code;
    m_applied = true;
    QLocale::setDefault(locale);
    if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        QGuiApplication::setApplicationDisplayName(displayName());
    Q_EMIT changed(code);
    return true;
}

QString Language::displayName()
{
    return tr("カード型ハードトークン 管理コンソール");
}

} // namespace hardtoken
