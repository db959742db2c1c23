#include "PageHeader.h"
#include "ui_PageHeader.h"

#include "LinkButton.h"
#include "MessageBanner.h"

#include <QEvent>

namespace hardtoken {

PageHeader::PageHeader(QWidget* parent)
    : QWidget(parent)
    , m_ui(new Ui::PageHeader)
{
    m_ui->setupUi(this);
    connect(m_ui->topLink, &LinkButton::clicked, this, &PageHeader::topRequested);
    showTrail();
}

PageHeader::~PageHeader() = default;

QString PageHeader::title() const
{
    return m_ui->titleLabel->text();
}

void PageHeader::setTitle(const QString& title)
{
    m_ui->titleLabel->setText(title);
}

void PageHeader::setTrail(const QString& trail)
{
    m_trail = trail;
    showTrail();
}

void PageHeader::showTrail()
{
    // At the top itself トップ is where you are, not a link; elsewhere it leads back.
    const bool atTop = m_trail.isEmpty();
    m_ui->topLink->setVisible(!atTop);
    m_ui->trailLabel->setText(atTop ? m_ui->topLink->text() : QStringLiteral("> ") + m_trail);
}

void PageHeader::setScreenId(const QString& id)
{
    m_screenId = id;
    m_ui->screenIdLabel->setText(id);
    m_ui->screenIdLabel->setVisible(!id.isEmpty());
}

void PageHeader::setBreadcrumbVisible(bool visible)
{
    m_breadcrumbVisible = visible;
    m_ui->breadcrumb->setVisible(visible);
}

MessageBanner* PageHeader::banner() const
{
    return m_ui->messageLabel;
}

LinkButton* PageHeader::topLink() const
{
    return m_ui->topLink;
}

void PageHeader::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        showTrail();
    }
    QWidget::changeEvent(event);
}

} // namespace hardtoken
