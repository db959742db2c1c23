#include "DeskSignInPage.h"

#include "desk/DeskSession.h"
#include "ui_DeskSignInPage.h"

namespace hardtoken {

DeskSignInPage::DeskSignInPage(DeskSession& session, QWidget* parent)
    : ManualPage(parent)
    , m_ui(std::make_unique<Ui::DeskSignInPage>())
    , m_session(session)
{
    m_ui->setupUi(this);
    initPage(m_ui->pageHeader, m_ui->signInButton, nullptr);
    m_ui->lockedLabel->hide();
    connect(m_ui->signInButton, &QPushButton::clicked, this, &DeskSignInPage::signIn);
}

DeskSignInPage::~DeskSignInPage() = default;

void DeskSignInPage::enter()
{
    clearMessages();
    m_ui->loginEdit->clear();
    m_ui->passwordEdit->clear();
    m_ui->loginEdit->setFocus(Qt::OtherFocusReason);
}

void DeskSignInPage::setLockedForIdle(bool locked)
{
    m_ui->lockedLabel->setVisible(locked);
}

void DeskSignInPage::signIn()
{
    const QString login = m_ui->loginEdit->text().trimmed();
    const QString password = m_ui->passwordEdit->text();
    m_ui->passwordEdit->clear();
    if (login.isEmpty() || password.isEmpty()) {
        showFieldError(login.isEmpty() ? m_ui->loginEdit : m_ui->passwordEdit, nullptr,
            tr("担当者IDとパスワードを入力してください。"));
        return;
    }
    const Outcome o = m_session.signIn(login, password);
    if (!o.ok()) {
        showFieldError(m_ui->passwordEdit, nullptr, o.message);
        return;
    }
    m_ui->loginEdit->clear();
    m_ui->lockedLabel->hide();
    clearMessages();
}

void DeskSignInPage::retranslate()
{
    const bool locked = m_ui->lockedLabel->isVisible();
    m_ui->retranslateUi(this);
    m_ui->lockedLabel->setVisible(locked);
}

} // namespace hardtoken
