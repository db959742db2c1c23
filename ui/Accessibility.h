#pragma once

#include <QObject>

class QLineEdit;
class QWidget;

namespace hardtoken {

// The console's own accessible interfaces, for the widgets Qt cannot describe by itself:
// LinkButton is a Link with a Press action, MessageBanner an AlertMessage named by its message,
// CardFace a Graphic (a picture, not a code to read out), a QFrame with the dynamic
// property accessibleAlert an AlertMessage, the field groups that hand their focus to a field
// (TokenEntry, PinConfirmation, PinInput) never "focused" themselves. Installed once, before the first
// widget of these classes is created (their constructors call it); safe to call again.
void installAccessibleInterfaces();

// Announces `source` (a MessageBanner, the 利用中止 notice) as an alert: the platform bridge reads
// its accessible name at once, wherever the focus is. Every announcement also passes through
// Announcements::instance() (a log for tests and support: offscreen Qt has no bridge to watch).
void announceAlert(QWidget* source);

class Announcements final : public QObject {
    Q_OBJECT
public:
    static Announcements* instance();
Q_SIGNALS:
    void announced(QWidget* source, const QString& name);
};

// A field's error: the red frame (QSS [invalid="true"]) and its accessible description, which is
// what the bridges read after the name on reaching the field (Qt 6.4 has neither an invalid-entry
// state nor a described-by relation: qaccessible_base.h has the state commented out). An empty
// `error` takes both away.
void markInvalid(QWidget* field, const QString& error);

// Names the clear button a QLineEdit shows with clearButtonEnabled (Qt leaves it unnamed):
// 「入力を消去」. Call after setupUi() and again after a language change.
void nameClearButton(QLineEdit* edit);

} // namespace hardtoken
