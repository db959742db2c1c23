#pragma once

#include "desk/RegistrationFlow.h"
#include "store/UsageMode.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace hardtoken {

// A ⚠️ ご注意 or ✎ メモ box of the manual.
struct ManualBox {
    enum class Kind { Caution, Memo };
    Kind kind = Kind::Caution;
    QStringList lines {};
    QString title() const; // 「⚠️ ご注意」, 「✎ メモ」
};

// A picture of the manual that is not a screen: the two card faces, with their captions.
struct ManualFigure {
    QString id {}; // the picture's name: card-back, card-front
    QString caption {};
};

// A ①/② mark drawn beside a widget of the screen.
struct ManualCallout {
    QString widget {}; // objectName
    QString mark {}; // ①, ②
};

// What a person gives a step: the value an act types or chooses. The one who performs the step
// (the screenshot tour, 見本, a walkthrough test) says what each is (ui/StepDriver's StepInputs).
// Mode: the 利用形態 chosen (the act's widget is the radio of the mode the manual's picture shows).
enum class ManualInput { None, Pin, Serial, Otp, User, Mode, StaffLogin, StaffCredential };

// One thing a person does at a step, on a widget of its screen (objectName).
struct ManualAct {
    enum class Kind {
        Click, // a button or link
        Check, // a radio button chosen
        Choose, // the row of `input` (a user) chosen in a table
        Type, // `input` typed into a field
    };
    Kind kind = Kind::Click;
    QString widget {};
    ManualInput input = ManualInput::None;
};

// A paragraph after a step: a bold lead and its sentence (「● 利用登録情報を削除する場合」 …).
struct ManualNote {
    QString lead {};
    QString text {};
};

// One numbered step: the manual's sentence (button names between ** as the manual prints them in
// bold), the screen it shows and what it says to do there, act by act (the last act leaves the
// screen; the picture shows the screen before it, the fields filled in).
struct ManualStep {
    QString id {}; // "9.2.2-3": the section and the number; the screenshot's name
    QString section {}; // "9.2.2"
    int number = 0;
    RegistrationFlow::Screen screen = RegistrationFlow::Screen::CorporateStatus;
    QString text {};
    QList<ManualAct> acts {}; // what the step says to do, in order
    QList<ManualCallout> callouts {}; // marks the picture adds (those the screen lacks)
    QList<ManualFigure> figuresBefore {}; // pictures between the previous step and this one
    QList<ManualFigure> figuresAfter {}; // pictures after this step's screen
    QList<ManualNote> notes {}; // after the step
    QList<ManualBox> boxes {}; // after the notes
    // What is done instead when another entry follows (9.2.2 step 4's ● note: ① 追加).
    QList<ManualAct> another {};

    // The widgets the step says to use, which the picture frames in red.
    QStringList highlights() const;
    // The acts that fill the screen in (all but the last, which leaves it): what the picture shows.
    QList<ManualAct> filling() const { return acts.mid(0, acts.size() - 1); }
    // The act that leaves the screen.
    QList<ManualAct> leaving() const { return acts.mid(acts.size() - 1); }
};

// A section (9.1, 9.2, 9.2.1, 9.2.2): its title, introduction, choices, boxes and steps.
struct ManualSection {
    QString id {};
    int level = 2; // 2: 9.1, 9.2; 3: 9.2.1, 9.2.2
    QString title {};
    QStringList intro {}; // paragraphs
    QStringList choices {}; // a bulleted list after the introduction
    QList<ManualBox> boxes {}; // before the steps
    QString scenario {}; // the training scenario its steps start from (empty: no steps)
    QList<ManualStep> steps {};
};

// Chapter 9 of the customer's manual as one table: the screenshot tour, the chapter export
// (HTML, PDF), the guided training and the tests all read it, so that adding a step is one entry
// here. Texts are the manual's words, translated when read (context "ManualSteps").
class ManualSteps final {
    Q_DECLARE_TR_FUNCTIONS(ManualSteps)
public:
    static QString chapterTitle(); // 「9. カード型ハードトークンの利用形態の設定・登録」
    static QString edition(); // 「2023年9月版」
    static QList<ManualSection> sections();
    // Every step of every section, in the manual's order.
    static QList<ManualStep> steps();
    // The step of that id ("9.2.2-4"); an empty one (no acts, empty id) when there is none.
    static ManualStep step(const QString& id);
    // `text` with the manual's ** marks as HTML bold (the rest escaped).
    static QString toHtml(const QString& text);
    // `text` without the marks (what a reader reads).
    static QString plain(const QString& text);
    // The radio of 利用形態 `mode` on [カード型ハードトークン利用形態設定確認] (objectName).
    static QString modeRadio(UsageMode mode);
};

} // namespace hardtoken
