#include "ConnectionBanner.h"

#include "MessageBanner.h"
#include "core/Clock.h"
#include "store/StoreLink.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLocale>
#include <QPushButton>
#include <QStyle>

namespace hardtoken {

ConnectionBanner::ConnectionBanner(StoreLink& link, const Clock& clock, QWidget* staleTarget, QWidget* parent)
    : QWidget(parent)
    , m_link(link)
    , m_clock(clock)
    , m_staleTarget(staleTarget)
    , m_message(new MessageBanner(this))
    , m_retry(new QPushButton(this))
{
    setObjectName(QStringLiteral("connectionBanner"));
    m_message->setObjectName(QStringLiteral("connectionMessage"));
    m_retry->setObjectName(QStringLiteral("reconnectButton"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_retry, 0, Qt::AlignVCenter);
    connect(m_retry, &QPushButton::clicked, &m_link, &StoreLink::retryNow);
    connect(&m_link, &StoreLink::reachableChanged, this, &ConnectionBanner::reachableChanged);
    m_hide.setSingleShot(true);
    m_hide.setInterval(8000);
    connect(&m_hide, &QTimer::timeout, this, &QWidget::hide);
    retranslate();
    hide();
}

QString ConnectionBanner::message() const
{
    return isVisible() ? m_message->text() : QString();
}

void ConnectionBanner::reachableChanged(bool reachable)
{
    m_back = reachable;
    say(reachable);
}

void ConnectionBanner::say(bool reachable)
{
    m_retry->setVisible(!reachable);
    markStale(!reachable);
    if (reachable) {
        if (!isVisible())
            return;
        m_message->showMessage(
            tr("データベースに再接続しました。画面の表示内容を読み込み直しました。"), MessageBanner::Kind::Info);
        m_hide.start();
        return;
    }
    m_hide.stop();
    show(); // before the message, so that its announcement comes from a visible alert
    const qint64 last = m_link.lastContactMSecs();
    const QString when = last > 0
        ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(last).toLocalTime().time(), QStringLiteral("H:mm:ss"))
        : tr("不明");
    m_message->showMessage(tr("データベースに接続できません。再接続しています…（最後に接続できた時刻: %1）。"
                              "画面の表示内容はその時点のもので、最新ではありません。入力内容はそのまま残っています。")
                               .arg(when),
        MessageBanner::Kind::Error);
}

void ConnectionBanner::markStale(bool stale)
{
    if (!m_staleTarget || m_staleTarget->property("stale").toBool() == stale)
        return;
    m_staleTarget->setProperty("stale", stale);
    // The rule is on the stack's descendants (console.qss: [stale="true"] QLabel …): polish them again.
    const QList<QWidget*> widgets = m_staleTarget->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        w->style()->unpolish(w);
        w->style()->polish(w);
    }
}

void ConnectionBanner::retranslate()
{
    m_retry->setText(tr("今すぐ再接続(&R)"));
    if (isVisible())
        say(m_back);
}

} // namespace hardtoken
