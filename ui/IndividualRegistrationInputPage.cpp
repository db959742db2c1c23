#include "IndividualRegistrationInputPage.h"
#include "ui_IndividualRegistrationInputPage.h"

#include "Accessibility.h"
#include "CheckSelection.h"
#include "RadioDelegate.h"
#include "desk/RegistrationFlow.h"
#include "tables/UserSelectionModel.h"

#include <QHeaderView>
#include <QHideEvent>

namespace hardtoken {

IndividualRegistrationInputPage::IndividualRegistrationInputPage(RegistrationFlow& flow, QWidget* parent)
    : ManualPage(parent)
    , m_ui(new Ui::IndividualRegistrationInputPage)
    , m_flow(flow)
    , m_model(new UserSelectionModel(flow.service(), this, UserSelectionModel::Load::Later))
{
    m_ui->setupUi(this);
    nameClearButton(m_ui->filterEdit);
    initPage(m_ui->pageHeader, m_ui->nextButton, m_ui->cancelButton);
    m_ui->userTable->setModel(m_model);
    m_ui->userTable->setItemDelegateForColumn(UserSelectionModel::SelectColumn, new RadioDelegate(m_ui->userTable));
    m_ui->userTable->verticalHeader()->hide();
    // Columns fit their contents, measured on the rows around the visible ones (not 50,000 rows
    // at every keystroke); rows all have the same height.
    m_ui->userTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->userTable->horizontalHeader()->setResizeContentsPrecision(100);
    m_ui->userTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->userTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_ui->userTable->sortByColumn(-1, Qt::AscendingOrder); // the manual's order until a header is clicked

    // Selecting a row (click, arrows, a screen reader's Toggle) is choosing that user.
    auto* choice = new CheckSelection(m_ui->userTable, UserSelectionModel::SelectColumn, true);
    choice->setCheckedRows([this] {
        const int row = m_model->rowOfUser(m_model->selectedUserId());
        return row < 0 ? QList<int>() : QList<int> { row };
    });
    connect(m_ui->filterEdit, &QLineEdit::textChanged, m_model, &UserSelectionModel::setFilterText);
    // Clicking anywhere on a row chooses that user, as the radio does. (Not on focus or the current
    // index moving: tabbing into the table must not choose anyone.)
    const auto choose = [this](const QModelIndex& index) {
        if (index.isValid())
            m_model->selectUser(index.data(UserSelectionModel::UserIdRole).toLongLong());
    };
    connect(m_ui->userTable, &QAbstractItemView::clicked, this, choose);
    connect(m_ui->userTable, &QAbstractItemView::activated, this, choose);
    connect(m_model, &UserSelectionModel::selectedUserChanged, this, [this](qint64) { m_ui->userError->hide(); });
    connect(this, &ManualPage::topRequested, &m_flow, &RegistrationFlow::goToTop);
    connect(m_ui->cancelButton, &QPushButton::clicked, &m_flow, &RegistrationFlow::cancel);
    connect(m_ui->nextButton, &QPushButton::clicked, this, &IndividualRegistrationInputPage::next);
    connect(m_ui->inputCompleteButton, &QPushButton::clicked, &m_flow, &RegistrationFlow::inputComplete);
    connect(&m_flow, &RegistrationFlow::inputCompleteVisibleChanged, m_ui->inputCompleteButton, &QWidget::setVisible);
    m_ui->inputCompleteButton->setVisible(m_flow.inputCompleteVisible());
}

IndividualRegistrationInputPage::~IndividualRegistrationInputPage() = default;

void IndividualRegistrationInputPage::enter()
{
    clearMessages();
    m_ui->inputCompleteButton->setVisible(m_flow.inputCompleteVisible());
    m_model->reload();
    m_model->selectUser(0);
    m_ui->userTable->clearSelection();
    m_ui->tokenEntry->clear();
    m_ui->userTable->setFocus(Qt::OtherFocusReason);
}

void IndividualRegistrationInputPage::hideEvent(QHideEvent* event)
{
    // Left for another screen (確認, or back to 利用者情報選択): enter() reads the users again, so
    // the hidden page does not hold 50,000 of them. (A minimised window keeps them.)
    if (!event->spontaneous())
        m_model->release();
    ManualPage::hideEvent(event);
}

void IndividualRegistrationInputPage::next()
{
    const Outcome o = m_flow.next(m_model->selectedUserId(), m_ui->tokenEntry->serial(), m_ui->tokenEntry->otp());
    OutcomeFields fields;
    m_ui->tokenEntry->addTo(fields);
    fields.user = m_ui->userTable;
    fields.userError = m_ui->userError;
    showOutcome(o, fields);
}

void IndividualRegistrationInputPage::retranslate()
{
    const bool inputComplete = m_ui->inputCompleteButton->isVisible();
    m_ui->retranslateUi(this);
    nameClearButton(m_ui->filterEdit);
    m_ui->inputCompleteButton->setVisible(inputComplete);
    m_model->retranslate();
}

} // namespace hardtoken
