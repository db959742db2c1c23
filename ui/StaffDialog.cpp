#include "StaffDialog.h"

#include "desk/StaffDesk.h"
#include "store/AuditLog.h"
#include "store/Store.h"
#include "tables/StaffListModel.h"
#include "ui_StaffDialog.h"

#include <QEvent>
#include <QHeaderView>

namespace hardtoken {

StaffDialog::StaffDialog(Store& store, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::StaffDialog>())
    , m_store(store)
    , m_model(new StaffListModel(store, this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("StaffDialog"));
    m_ui->staffTable->setModel(m_model);
    m_ui->staffTable->verticalHeader()->hide();
    m_ui->staffTable->horizontalHeader()->setStretchLastSection(true);
    m_model->reload();
    connect(m_ui->addButton, &QPushButton::clicked, this, &StaffDialog::add);
    connect(m_ui->disableButton, &QPushButton::clicked, this, [this] { setDisabled(true); });
    connect(m_ui->enableButton, &QPushButton::clicked, this, [this] { setDisabled(false); });
    connect(m_ui->unlockButton, &QPushButton::clicked, this, &StaffDialog::resetLock);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::accept);
    retranslate();
    m_ui->staffTable->setMinimumHeight(160);
    resize(720, 760);
}

StaffDialog::~StaffDialog() = default;

void StaffDialog::report(const Outcome& outcome, const QString& done)
{
    // Passwords are not kept on screen after an attempt, right or wrong.
    m_ui->staffCredentialEdit->clear();
    m_ui->newCredentialEdit->clear();
    m_ui->repeatCredentialEdit->clear();
    m_ui->messageLabel->setProperty("role", outcome.ok() ? QStringLiteral("info") : QStringLiteral("error"));
    m_ui->messageLabel->setText(outcome.ok() ? done : outcome.message);
    m_ui->messageLabel->show();
    if (outcome.ok())
        m_model->reload();
}

void StaffDialog::add()
{
    const StaffCredential admin { m_ui->staffLoginEdit->text().trimmed(), m_ui->staffCredentialEdit->text() };
    const StaffTable::Account account { m_ui->newLoginEdit->text().trimmed(), m_ui->newNameEdit->text().trimmed(),
        m_ui->roleCombo->currentIndex() == 1 ? StaffTable::Role::Admin : StaffTable::Role::Staff, false };
    const Outcome o = StaffDesk(m_store).addStaff(
        admin, m_ui->reasonEdit->text(), account, m_ui->newCredentialEdit->text(), m_ui->repeatCredentialEdit->text());
    report(o, tr("担当者 %1 を登録しました。").arg(AuditLog::printable(account.login)));
    if (o.ok()) {
        m_ui->newLoginEdit->clear();
        m_ui->newNameEdit->clear();
    }
}

// An administrator's act on the selected staff account, signed in with the fields below the table.
void StaffDialog::actOnSelected(
    const std::function<Outcome(const StaffCredential&, const QString&)>& act, const QString& doneFormat)
{
    const StaffTable::Account* account = m_model->accountAt(m_ui->staffTable->currentIndex().row());
    if (!account) {
        report({ ServiceError::NotFound, tr("担当者を選択してください。") }, {});
        return;
    }
    const QString login = account->login;
    const StaffCredential admin { m_ui->staffLoginEdit->text().trimmed(), m_ui->staffCredentialEdit->text() };
    report(act(admin, login), doneFormat.arg(AuditLog::printable(login)));
}

void StaffDialog::setDisabled(bool disabled)
{
    actOnSelected(
        [&](const StaffCredential& admin, const QString& login) {
            return StaffDesk(m_store).setStaffDisabled(admin, m_ui->reasonEdit->text(), login, disabled);
        },
        disabled ? tr("担当者ID %1 を利用停止にしました。") : tr("担当者ID %1 を利用可能にしました。"));
}

void StaffDialog::resetLock()
{
    actOnSelected(
        [&](const StaffCredential& admin, const QString& login) {
            return StaffDesk(m_store).resetStaffLock(admin, m_ui->reasonEdit->text(), login);
        },
        tr("担当者ID %1 を再び利用できるようにしました。"));
}

void StaffDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void StaffDialog::retranslate()
{
    const int role = m_ui->roleCombo->currentIndex();
    m_ui->retranslateUi(this);
    m_ui->roleCombo->clear();
    m_ui->roleCombo->addItems({ tr("担当者"), tr("管理者") });
    m_ui->roleCombo->setCurrentIndex(qMax(0, role));
    m_model->retranslate();
}

} // namespace hardtoken
