#pragma once

#include <QObject>
#include <QTranslator>

namespace hardtoken {

// Japanese is the source language of every string; other languages come from translations/.
// Qt's own texts (context menus, standard dialogs, buttons) follow too: qtbase_<code>.qm from Qt's
// translations folder (Debian's qt6-translations-l10n; deployed beside the .exe on Windows), and
// dates and numbers follow the chosen language (QLocale::setDefault). The application's display
// name (in every window title) is translated. Switching at run time sends LanguageChange to every
// widget, and each screen retranslates.
class Language final : public QObject {
    Q_OBJECT
public:
    explicit Language(QObject* parent = nullptr);
    static QStringList available() { return { QStringLiteral("ja"), QStringLiteral("en") }; }
    bool set(const QString& code);
    // Whether Qt's own translation for the current language was found (false for English, whose
    // texts are Qt's source; false where the translations are not installed).
    bool qtTranslationLoaded() const { return m_qtLoaded; }
    static QString displayName();
    QString current() const { return m_current; }

Q_SIGNALS:
    void changed(const QString& code);

private:
    QTranslator m_translator;
    QTranslator m_qtTranslator;
    QString m_current = QStringLiteral("ja");
    bool m_applied = false;
    bool m_qtLoaded = false;
};

} // namespace hardtoken
