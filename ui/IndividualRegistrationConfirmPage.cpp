#include "IndividualRegistrationConfirmPage.h"
#include "PinConfirmation.h"
#include "PinInput.h"

#include "ui_IndividualRegistrationConfirmPage.h"
#include <QHideEvent>
#include <QPushButton>
#include <QShowEvent>

#include "CheckSelection.h"
#include "desk/RegistrationFlow.h"
#include "tables/RegistrationListModel.h"

#include <QHeaderView>
#include <QScrollArea>
#include <QScrollBar>

namespace hardtoken {

IndividualRegistrationConfirmPage::IndividualRegistrationConfirmPage(RegistrationFlow& flow, QWidget* parent)
    : ManualPage(parent)
    , m_ui(new Ui::IndividualRegistrationConfirmPage)
    , m_flow(flow)
    , m_model(new RegistrationListModel(flow.service(), this))
{
    m_ui->setupUi(this);
    initPage(m_ui->pageHeader, m_ui->pinConfirmation->okButton(), m_ui->pinConfirmation->cancelButton());
    setScreenId(QLatin1String(ScreenId));
    m_ui->listTable->setModel(m_model);
    m_ui->listTable->verticalHeader()->hide();
    m_ui->listTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->listTable->horizontalHeader()->setStretchLastSection(true);
    // A selected row is a ticked row: click, Space and a screen reader's Toggle all tick.
    new CheckSelection(m_ui->listTable, RegistrationListModel::CheckColumn, false);

    connect(this, &ManualPage::topRequested, &m_flow, &RegistrationFlow::goToTop);
    connect(m_ui->addButton, &QPushButton::clicked, &m_flow, &RegistrationFlow::add);
    // The two 削除 buttons are one action (manual 9.2.2 メモ).
    connect(m_ui->removeButtonTop, &QPushButton::clicked, this, &IndividualRegistrationConfirmPage::removeChecked);
    connect(m_ui->removeButtonBottom, &QPushButton::clicked, this, &IndividualRegistrationConfirmPage::removeChecked);
    connect(m_ui->pinConfirmation->cancelButton(), &QPushButton::clicked, &m_flow, &RegistrationFlow::cancel);
    connect(m_ui->pinConfirmation->okButton(), &QPushButton::clicked, this, [this] {
        OutcomeFields fields;
        fields.pin = m_ui->pinConfirmation->pinInput();
        showOutcome(m_flow.confirmRegistration(m_ui->pinConfirmation->pinInput()->text()), fields);
    });
    connect(m_ui->pageTopButton, &QPushButton::clicked, this, &IndividualRegistrationConfirmPage::scrollToTop);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &IndividualRegistrationConfirmPage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &IndividualRegistrationConfirmPage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &IndividualRegistrationConfirmPage::updateEmptyState);
    updateEmptyState();
}

IndividualRegistrationConfirmPage::~IndividualRegistrationConfirmPage() = default;

PinInput* IndividualRegistrationConfirmPage::pinInput() const
{
    return m_ui->pinConfirmation->pinInput();
}

void IndividualRegistrationConfirmPage::enter()
{
    clearMessages();
    m_ui->pinConfirmation->pinInput()->clear();
    updateEmptyState();
    m_ui->pinConfirmation->pinInput()->setFocus(Qt::OtherFocusReason);
}

void IndividualRegistrationConfirmPage::showEvent(QShowEvent* event)
{
    m_model->setShown(true);
    ManualPage::showEvent(event);
}

void IndividualRegistrationConfirmPage::hideEvent(QHideEvent* event)
{
    // Left for another screen (追加, キャンセル, OK): the list is not there for a screen reader.
    // (A minimised window keeps it.)
    if (!event->spontaneous())
        m_model->setShown(false);
    ManualPage::hideEvent(event);
}

void IndividualRegistrationConfirmPage::removeChecked()
{
    const QList<qint64> ids = m_model->checkedUserIds();
    if (ids.isEmpty()) {
        showMessage([] { return tr("削除する利用登録情報をチェックしてください。"); });
        return;
    }
    clearMessages();
    m_flow.remove(ids);
}

void IndividualRegistrationConfirmPage::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    m_ui->listEmptyLabel->setVisible(empty);
    m_ui->removeButtonTop->setEnabled(!empty);
    m_ui->removeButtonBottom->setEnabled(!empty);
}

void IndividualRegistrationConfirmPage::scrollToTop()
{
    for (QWidget* w = parentWidget(); w; w = w->parentWidget()) {
        if (auto* area = qobject_cast<QScrollArea*>(w)) {
            area->verticalScrollBar()->setValue(0);
            break;
        }
    }
    m_ui->addButton->setFocus(Qt::OtherFocusReason);
}

void IndividualRegistrationConfirmPage::retranslate()
{
    m_ui->retranslateUi(this);
    m_model->retranslate();
    updateEmptyState();
}

} // namespace hardtoken
