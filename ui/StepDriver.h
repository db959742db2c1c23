#pragma once

#include "desk/ManualSteps.h"

#include <QCoreApplication>
#include <QList>
#include <QModelIndex>
#include <QString>

#include <functional>

class QAbstractButton;
class QAbstractItemView;
class QLineEdit;
class QWidget;

namespace hardtoken {

// What a step's acts type and choose (ManualInput), as the one who performs the step says: the
// tour its pictures' cards, 見本 a card no one holds, a walkthrough test the manual's sample.
struct StepInputs {
    QString pin {};
    QString serial {};
    QString otp {};
    qint64 userId = 0;
    UsageMode mode = UsageMode::Unset; // Unset: the mode the act names
    QString staffLogin {};
    QString staffCredential {};

    QString text(ManualInput input) const;
};

// Performs the acts of a manual step (ManualSteps' table) on the screen shown: the one driver that
// the screenshot tour, 見本 and the walkthrough tests share, so that a step added to the table is
// performed by all three. What an act is (which widget, what is typed) comes from the table; how a
// hand does it is the performer's. This class does it at once and leaves the focus where it is
// (the tour's pictures must not change); 見本 moves the focus and types one key at a time, later;
// a walkthrough test clicks the mouse and types keys.
class StepDriver {
    Q_DECLARE_TR_FUNCTIONS(StepDriver)
public:
    // `screen`: the screen shown now, asked at each act.
    explicit StepDriver(std::function<QWidget*()> screen);
    virtual ~StepDriver();
    StepDriver(const StepDriver&) = delete;
    StepDriver& operator=(const StepDriver&) = delete;

    // False, with error() saying why, when an act's widget is missing (an objectName renamed in a
    // .ui), its user is not in the table, or the performer refused it.
    bool perform(const QList<ManualAct>& acts, const StepInputs& inputs);
    QString error() const { return m_error; }

protected:
    virtual bool click(QAbstractButton* button);
    virtual bool check(QAbstractButton* radio);
    virtual bool type(QLineEdit* edit, const QString& text);
    // `radio`: the 選択 cell of the user's row.
    virtual bool choose(QAbstractItemView* table, const QModelIndex& radio);

private:
    bool act(QWidget* screen, const ManualAct& act, const StepInputs& inputs);

    std::function<QWidget*()> m_screen;
    QString m_error;
};

} // namespace hardtoken
