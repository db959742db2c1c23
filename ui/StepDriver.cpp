#include "StepDriver.h"

#include "tables/UserSelectionModel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QLineEdit>

namespace hardtoken {

QString StepInputs::text(ManualInput input) const
{
    switch (input) {
    case ManualInput::Pin:
        return pin;
    case ManualInput::Serial:
        return serial;
    case ManualInput::Otp:
        return otp;
    case ManualInput::StaffLogin:
        return staffLogin;
    case ManualInput::StaffCredential:
        return staffCredential;
    case ManualInput::User:
    case ManualInput::Mode:
    case ManualInput::None:
        break;
    }
    return {};
}

StepDriver::StepDriver(std::function<QWidget*()> screen)
    : m_screen(std::move(screen))
{
}

StepDriver::~StepDriver() = default;

bool StepDriver::perform(const QList<ManualAct>& acts, const StepInputs& inputs)
{
    m_error.clear();
    for (const ManualAct& a : acts) {
        QWidget* screen = m_screen();
        if (!screen) {
            m_error = tr("画面が表示されていません。");
            return false;
        }
        if (!act(screen, a, inputs)) {
            if (m_error.isEmpty())
                m_error = tr("画面 %1 の %2 を操作できませんでした。").arg(screen->objectName(), a.widget);
            return false;
        }
    }
    return true;
}

bool StepDriver::act(QWidget* screen, const ManualAct& a, const StepInputs& inputs)
{
    const QString name = a.input == ManualInput::Mode && inputs.mode != UsageMode::Unset
        ? ManualSteps::modeRadio(inputs.mode)
        : a.widget;
    QWidget* widget = screen->findChild<QWidget*>(name);
    if (!widget) {
        m_error = tr("画面 %1 に %2 がありません（.ui の objectName を確かめてください）。")
                      .arg(screen->objectName(), name);
        return false;
    }
    switch (a.kind) {
    case ManualAct::Kind::Click:
        if (auto* button = qobject_cast<QAbstractButton*>(widget))
            return click(button);
        break;
    case ManualAct::Kind::Check:
        if (auto* radio = qobject_cast<QAbstractButton*>(widget))
            return check(radio);
        break;
    case ManualAct::Kind::Type:
        if (auto* edit = qobject_cast<QLineEdit*>(widget))
            return type(edit, inputs.text(a.input));
        break;
    case ManualAct::Kind::Choose:
        if (auto* table = qobject_cast<QAbstractItemView*>(widget)) {
            const QAbstractItemModel* model = table->model();
            for (int row = 0; model && row < model->rowCount(); ++row) {
                const QModelIndex radio = model->index(row, UserSelectionModel::SelectColumn);
                if (radio.data(UserSelectionModel::UserIdRole).toLongLong() == inputs.userId)
                    return choose(table, radio);
            }
            m_error = tr("利用者（ID %1）が %2 にありません。").arg(inputs.userId).arg(a.widget);
            return false;
        }
        break;
    }
    m_error = tr("%1 はこの操作のできる部品ではありません。").arg(a.widget);
    return false;
}

bool StepDriver::click(QAbstractButton* button)
{
    if (!button->isEnabled())
        return false;
    button->click();
    return true;
}

bool StepDriver::check(QAbstractButton* radio)
{
    radio->setChecked(true);
    return radio->isChecked();
}

bool StepDriver::type(QLineEdit* edit, const QString& text)
{
    edit->setText(text);
    return true;
}

bool StepDriver::choose(QAbstractItemView* table, const QModelIndex& radio)
{
    return table->model()->setData(radio, Qt::Checked, Qt::CheckStateRole);
}

} // namespace hardtoken
