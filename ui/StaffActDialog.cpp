#include "StaffActDialog.h"

#include "PinInput.h"
#include "core/Validation.h"
#include "desk/StaffDesk.h"
#include "store/CorporationTable.h"
#include "store/Store.h"
#include "ui_StaffActDialog.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>

namespace hardtoken {

StaffActDialog::StaffActDialog(Store& store, qint64 corporationId, Act act, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::StaffActDialog>())
    , m_store(store)
    , m_corporationId(corporationId)
    , m_act(act)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("StaffActDialog"));
    if (act == Act::SetPin) {
        m_pin = new PinInput(m_ui->customerBox);
        m_pin->setObjectName(QStringLiteral("newPinInput"));
        m_repeat = new PinInput(m_ui->customerBox);
        m_repeat->setObjectName(QStringLiteral("repeatPinInput"));
        m_ui->customerLayout->addWidget(m_pin);
        m_ui->customerLayout->addWidget(m_repeat);
        m_ui->customerBox->show();
        // Room for the longest caption, the field, its hint and the keyboard button on one line.
        setMinimumWidth(820);
        setTabOrder(m_ui->reasonEdit, m_pin);
        setTabOrder(m_pin, m_repeat);
    }
    if (act == Act::CheckCard) {
        // A check changes nothing but the card's counter: no reason is asked.
        m_ui->cardBox->show();
        m_ui->reasonCaption->hide();
        m_ui->reasonEdit->hide();
        setTabOrder(m_ui->staffCredentialEdit, m_ui->serialEdit);
        setTabOrder(m_ui->serialEdit, m_ui->codeEdit);
    }
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &StaffActDialog::run);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->staffLoginEdit->setFocus();
    setMinimumWidth(qMax(minimumWidth(), 560));
    retranslate();
}

StaffActDialog::~StaffActDialog() = default;

void StaffActDialog::useSession(const StaffCredential& staff)
{
    m_session = staff;
    m_ui->staffLoginEdit->setText(staff.login);
    m_ui->staffLoginEdit->setReadOnly(true);
    m_ui->staffCredentialCaption->hide();
    m_ui->staffCredentialEdit->hide();
    (m_act == Act::CheckCard ? m_ui->serialEdit : m_ui->reasonEdit)->setFocus();
}

void StaffActDialog::showError(const QString& message)
{
    m_ui->messageLabel->setText(message);
    m_ui->messageLabel->setVisible(!message.isEmpty());
}

void StaffActDialog::run()
{
    const StaffCredential staff = m_session.value_or(
        StaffCredential { m_ui->staffLoginEdit->text().trimmed(), m_ui->staffCredentialEdit->text() });
    const QString reason = m_ui->reasonEdit->text();
    StaffDesk desk(m_store);
    Outcome o;
    CardCheck check;
    switch (m_act) {
    case Act::CheckCard:
        o = desk.checkCard(staff, m_ui->serialEdit->text(), m_ui->codeEdit->text(), &check);
        m_ui->codeEdit->clear();
        break;
    case Act::SetPin:
        o = desk.setPin(m_corporationId, staff, reason, m_pin->text(), m_repeat->text());
        break;
    case Act::ResetCounters:
        o = desk.resetCounters(m_corporationId, staff, reason);
        break;
    case Act::Unlock:
        o = desk.unlock(m_corporationId, staff, reason);
        break;
    }
    // Secrets are not kept on screen after an attempt, right or wrong.
    m_ui->staffCredentialEdit->clear();
    if (m_pin) {
        m_pin->clear();
        m_repeat->clear();
    }
    if (!o.ok()) {
        showError(o.message);
        if (o.error == ServiceError::ReasonMissing)
            m_ui->reasonEdit->setFocus();
        else if (m_act == Act::CheckCard
            && (o.error == ServiceError::InvalidInput || o.error == ServiceError::NotFound))
            (o.field == InputField::Otp ? m_ui->codeEdit : m_ui->serialEdit)->setFocus();
        else if (m_pin && (o.error == ServiceError::InvalidInput || o.error == ServiceError::Mismatch))
            m_pin->setFocus();
        else
            m_ui->staffCredentialEdit->setFocus();
        return;
    }
    const auto info = CorporationTable::info(m_store, m_corporationId, CorporationTable::TokenCount::Skipped);
    const QString who = info ? tr("%1（%2）").arg(info->name, info->code) : QString();
    switch (m_act) {
    case Act::CheckCard: {
        const QString holder = check.holder.isEmpty() ? tr("予備のカード（利用登録なし）") : check.holder;
        m_good = check.works;
        m_result = check.works
            ? tr("カード %1 は正常に動作しています。\n%2").arg(Validation::formatSerial(check.serial), holder)
            : tr("カード %1 のワンタイムパスワードが一致しませんでした。\n%2\nあと %3 "
                 "回誤ると、このカードは確認できなくなります。")
                  .arg(Validation::formatSerial(check.serial), holder)
                  .arg(check.remaining);
        break;
    }
    case Act::SetPin:
        m_result = tr("%1 の契約法人確認暗証番号を設定しました。これまでの暗証番号は使えません。").arg(who);
        break;
    case Act::ResetCounters:
        m_result = tr("%1 の誤入力回数をリセットしました。").arg(who);
        break;
    case Act::Unlock:
        m_result = tr("%1 の利用中止状態を解除しました。").arg(who);
        break;
    }
    accept();
}

void StaffActDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void StaffActDialog::retranslate()
{
    m_ui->retranslateUi(this);
    const auto info = CorporationTable::info(m_store, m_corporationId, CorporationTable::TokenCount::Skipped);
    const QString who = info ? tr("契約法人: %1（%2）").arg(info->name, info->code) : QString();
    QString title;
    QString what;
    QString ok;
    switch (m_act) {
    case Act::CheckCard:
        title = tr("カードの確認");
        what = tr("お客さまのカードのシリアル番号と、カードに今表示されているワンタイムパスワードを入力してください。"
                  "確認に使ったワンタイムパスワードは、もう使えません。");
        ok = tr("確認する");
        break;
    case Act::SetPin:
        title = tr("契約法人確認暗証番号の設定");
        what = tr("契約法人確認暗証番号を新しく設定します。設定すると、これまでの暗証番号は使えなくなります。");
        ok = tr("設定する");
        break;
    case Act::ResetCounters:
        title = tr("誤入力回数のリセット");
        what = tr("シリアル番号・ワンタイムパスワードと契約法人確認暗証番号の誤入力回数を 0 に戻します。"
                  "利用中止状態は解除されません。");
        ok = tr("リセットする");
        break;
    case Act::Unlock:
        title = tr("利用中止の解除");
        what = tr("利用中止状態を解除し、誤入力回数を 0 に戻します。お客さまの本人確認を済ませてから行ってください。");
        ok = tr("解除する");
        break;
    }
    setWindowTitle(title);
    m_ui->descriptionLabel->setText(who.isEmpty() ? what : who + QLatin1Char('\n') + what);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(ok);
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setText(tr("キャンセル"));
    if (m_pin) {
        m_pin->setCaptionText(tr("新しい契約法人確認暗証番号"));
        m_repeat->setCaptionText(tr("新しい契約法人確認暗証番号（確認）"));
        // The two fields one under the other: both captions as wide as the longer.
        auto* first = m_pin->findChild<QLabel*>(QStringLiteral("pinCaption"));
        auto* second = m_repeat->findChild<QLabel*>(QStringLiteral("pinCaption"));
        first->setMinimumWidth(0);
        second->setMinimumWidth(0);
        const int width = qMax(first->sizeHint().width(), second->sizeHint().width());
        first->setMinimumWidth(width);
        second->setMinimumWidth(width);
    }
}

} // namespace hardtoken
