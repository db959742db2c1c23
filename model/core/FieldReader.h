#pragma once

#include "core/Validation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <cmath>

namespace hardtoken {

// Reads the fields of a JSON file of ours (scenarios, exercises) and names the first field at
// fault, by its path ("tokens[3].serial"), in a message given by the caller. Its words are the
// scenario loader's (translation context ScenarioLoader), as scenarios were its first reader.
class FieldReader {
public:
    // `failure`: the message with %1 the field's path and %2 what is wrong with it.
    explicit FieldReader(QString failure)
        : m_failure(std::move(failure))
    {
    }

    QString error;

    QString string(const QJsonObject& o, const QString& path, const char* key, bool required = true)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return {};
        if (!v.isString() || (required && v.toString().trimmed().isEmpty())) {
            fail(path + QLatin1Char('.') + QLatin1String(key),
                QCoreApplication::translate("ScenarioLoader", "文字列が必要です"));
            return {};
        }
        const QString text = v.toString();
        for (const QChar c : text) {
            if (Validation::isControl(c) || c.category() == QChar::Other_Surrogate
                || c.category() == QChar::Other_NotAssigned) {
                fail(path + QLatin1Char('.') + QLatin1String(key),
                    QCoreApplication::translate("ScenarioLoader", "制御文字（U+%1）は使えません")
                        .arg(c.unicode(), 4, 16, QLatin1Char('0'))
                        .toUpper());
                return {};
            }
        }
        return text;
    }

    // `key` of `o`: absent is an empty array; anything but an array of objects is an error.
    QJsonArray objects(const QJsonObject& o, const char* key)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return {};
        if (!v.isArray()) {
            fail(QLatin1String(key), QCoreApplication::translate("ScenarioLoader", "配列が必要です"));
            return {};
        }
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i) {
            if (!a[i].isObject()) {
                fail(QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i),
                    QCoreApplication::translate("ScenarioLoader", "オブジェクトが必要です"));
                return {};
            }
        }
        return a;
    }

    // `key` of `o`: absent is an empty object; anything but an object is an error.
    QJsonObject object(const QJsonObject& o, const char* key)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return {};
        if (!v.isObject())
            fail(QLatin1String(key), QCoreApplication::translate("ScenarioLoader", "オブジェクトが必要です"));
        return v.toObject();
    }

    int integer(const QJsonObject& o, const QString& path, const char* key, int fallback, int min, int max)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        // Range first: casting a double beyond qint64 (1e60 in a file) is undefined behaviour.
        const double d = v.toDouble(-1e300);
        if (!v.isDouble() || !(d >= min && d <= max) || d != std::floor(d)) {
            fail(path + QLatin1Char('.') + QLatin1String(key),
                QCoreApplication::translate("ScenarioLoader", "%1 から %2 までの整数が必要です").arg(min).arg(max));
            return fallback;
        }
        return static_cast<int>(d);
    }

    bool boolean(const QJsonObject& o, const QString& path, const char* key, bool fallback)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        if (!v.isBool()) {
            fail(path + QLatin1Char('.') + QLatin1String(key),
                QCoreApplication::translate("ScenarioLoader", "true か false が必要です"));
            return fallback;
        }
        return v.toBool();
    }

    void fail(const QString& field, const QString& what)
    {
        if (error.isEmpty())
            error = m_failure.arg(field, what);
    }

private:
    QString m_failure;
};

} // namespace hardtoken
