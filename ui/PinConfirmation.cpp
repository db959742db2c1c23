#include "PinConfirmation.h"
#include "Accessibility.h"
#include "ui_PinConfirmation.h"

#include "PinInput.h"

#include <QEvent>

namespace hardtoken {

PinConfirmation::PinConfirmation(QWidget* parent)
    : QWidget(parent)
    , m_ui(new Ui::PinConfirmation)
{
    installAccessibleInterfaces(); // the group is never "focused" besides its field
    m_ui->setupUi(this);
    setFocusProxy(m_ui->pinInput);
    labelOk();
}

PinConfirmation::~PinConfirmation() = default;

QString PinConfirmation::intro() const
{
    return m_ui->pinIntroLabel->text();
}

void PinConfirmation::setIntro(const QString& intro)
{
    m_ui->pinIntroLabel->setText(intro);
}

void PinConfirmation::setOkArrow(bool arrow)
{
    m_okArrow = arrow;
    labelOk();
}

void PinConfirmation::labelOk()
{
    // The visible text may carry the manual's arrow; what a screen reader says is the word.
    const QString ok = tr("OK");
    m_ui->okButton->setText(m_okArrow ? ok + QStringLiteral(" >") : ok);
    m_ui->okButton->setAccessibleName(m_okArrow ? ok : QString());
}

PinInput* PinConfirmation::pinInput() const
{
    return m_ui->pinInput;
}

QPushButton* PinConfirmation::okButton() const
{
    return m_ui->okButton;
}

QPushButton* PinConfirmation::cancelButton() const
{
    return m_ui->cancelButton;
}

void PinConfirmation::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        const QString intro = m_ui->pinIntroLabel->text(); // the form's retranslateUi sets its own
        m_ui->retranslateUi(this);
        m_ui->pinIntroLabel->setText(intro);
        labelOk();
    }
    QWidget::changeEvent(event);
}

} // namespace hardtoken
