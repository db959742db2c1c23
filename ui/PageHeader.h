#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class PageHeader;
}

namespace hardtoken {

class LinkButton;
class MessageBanner;

// The top of every manual screen, placed in each form by Designer promotion: the breadcrumb
// (トップ as a link, then the trail to this screen), the navy title band with the screen ID at
// its right, and the message banner. `trail` empty = this is the top (トップ shown as plain text).
class PageHeader final : public QWidget {
    Q_OBJECT
    Q_PROPERTY(QString title READ title WRITE setTitle)
    Q_PROPERTY(QString trail READ trail WRITE setTrail)
    Q_PROPERTY(QString screenId READ screenId WRITE setScreenId)
    // Off on the screens before a corporation is chosen (契約法人の選択, the first run): no トップ yet.
    Q_PROPERTY(bool breadcrumbVisible READ breadcrumbVisible WRITE setBreadcrumbVisible)
public:
    explicit PageHeader(QWidget* parent = nullptr);
    ~PageHeader() override;

    QString title() const;
    void setTitle(const QString& title);
    QString trail() const { return m_trail; }
    void setTrail(const QString& trail);
    QString screenId() const { return m_screenId; }
    void setScreenId(const QString& id);
    bool breadcrumbVisible() const { return m_breadcrumbVisible; }
    void setBreadcrumbVisible(bool visible);

    MessageBanner* banner() const;
    LinkButton* topLink() const;

Q_SIGNALS:
    void topRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void showTrail();

    std::unique_ptr<Ui::PageHeader> m_ui;
    QString m_trail;
    QString m_screenId;
    bool m_breadcrumbVisible = true;
};

} // namespace hardtoken
