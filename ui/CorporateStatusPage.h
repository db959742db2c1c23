#pragma once

#include <QScopedPointer>
#include <QWidget>

namespace Ui {
class CorporateStatusPage;
}

namespace hardtoken {

class RegistrationService;

// 契約法人ステータス: the corporation, its usage mode, its registered tokens and whether it is
// suspended; the [契約法人管理情報変更]-[利用者情報登録/変更] link leads into chapter 9.
class CorporateStatusPage final : public QWidget {
    Q_OBJECT
public:
    explicit CorporateStatusPage(RegistrationService& service, QWidget* parent = nullptr);
    ~CorporateStatusPage() override;

    void refresh();

Q_SIGNALS:
    void userRegistrationRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    QScopedPointer<Ui::CorporateStatusPage> m_ui;
    RegistrationService& m_service;
};

} // namespace hardtoken
