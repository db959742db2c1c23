#pragma once

#include <QObject>
#include <QTranslator>

namespace hardtoken {

// Japanese is the source language of every string; other languages come from translations/.
// Switching at run time sends LanguageChange to every widget, and each screen retranslates.
class Language final : public QObject {
    Q_OBJECT
public:
    explicit Language(QObject* parent = nullptr);
    static QStringList available() { return { QStringLiteral("ja"), QStringLiteral("en") }; }
    bool set(const QString& code);
    QString current() const { return m_current; }

Q_SIGNALS:
    void changed(const QString& code);

private:
    QTranslator m_translator;
    QString m_current = QStringLiteral("ja");
};

} // namespace hardtoken
